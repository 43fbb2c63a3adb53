namespace WebOps.Core.Detection;

/// <summary>One dependency declaration as the installer would read it: the entry file, then the files it
/// includes, each with the (normalized) packages it names.</summary>
internal sealed record DependencySet(IReadOnlyList<DependencyFile> Files)
{
    public IReadOnlyList<string> Paths => Files.Select(f => f.Path).ToList();

    public bool Contains(string package) => Files.Any(f => f.Packages.Contains(package));

    /// <summary>The first file that names the package, for the detection reason.</summary>
    public string? FileNaming(string package) => Files.FirstOrDefault(f => f.Packages.Contains(package))?.Path;

    public bool ContainsAny(IEnumerable<string> packages) => packages.Any(Contains);
}
