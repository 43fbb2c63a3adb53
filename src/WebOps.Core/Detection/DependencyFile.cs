namespace WebOps.Core.Detection;

/// <summary>A dependency file (checkout-relative path) and the normalized package names it lists.</summary>
internal sealed record DependencyFile(string Path, IReadOnlySet<string> Packages);
