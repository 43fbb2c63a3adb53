namespace WebOps.Core.Addons;

/// <summary>One line of <c>webops addons verify</c>.</summary>
public sealed record VerifyCheck(bool Passed, string Text);
