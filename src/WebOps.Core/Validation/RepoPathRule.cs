namespace WebOps.Core.Validation;

/// <summary>A file path inside the checked-out repository, e.g. <c>docker/Dockerfile.prod</c>.</summary>
internal static class RepoPathRule
{
    private const string Fix = "give a path relative to the repository root, e.g. 'Dockerfile' or 'docker/Dockerfile.prod'";

    public static string? Check(string value)
    {
        if (value.Length == 0)
        {
            return $"is empty; {Fix}";
        }

        if (value.Length > ValidationLimits.RepoPathMaxLength)
        {
            return $"{Describe.TooLong(value.Length, ValidationLimits.RepoPathMaxLength)}; shorten it";
        }

        var control = Describe.FirstControl(value);
        if (control >= 0)
        {
            return $"contains {Describe.Char(value[control])}, which is not allowed in a path; remove it";
        }

        if (value.Contains('\\', StringComparison.Ordinal))
        {
            return "contains '\\'; separate folders with '/'";
        }

        if (value[0] == '/')
        {
            return $"is an absolute path; {Fix}";
        }

        if (PosixPath.HasParentSegment(value))
        {
            return $"contains a '..' segment, which leaves the repository; {Fix}";
        }

        return value[^1] == '/' ? $"names a folder, not a file; {Fix}" : null;
    }
}
