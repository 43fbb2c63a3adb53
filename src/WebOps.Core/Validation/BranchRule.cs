using System.Buffers;

namespace WebOps.Core.Validation;

/// <summary>
/// The rules of <c>git check-ref-format</c>, plus "no leading '-'" so the name is never read as an
/// option by git.
/// </summary>
internal static class BranchRule
{
    private const string Fix = "give a branch name such as 'main' or 'release/1.2'";
    private static readonly SearchValues<char> ForbiddenChars = SearchValues.Create("~^:?*[\\");

    public static string? Check(string value)
    {
        if (value.Length == 0)
        {
            return "is empty; leave it out to use 'main', or " + Fix;
        }

        if (value.Length > ValidationLimits.BranchMaxLength)
        {
            return $"{Describe.TooLong(value.Length, ValidationLimits.BranchMaxLength)}; shorten it";
        }

        var bad = Describe.FirstControlOrWhiteSpace(value);
        if (bad >= 0)
        {
            return $"contains {Describe.Char(value[bad])}; branch names cannot hold spaces or control characters";
        }

        var forbidden = value.AsSpan().IndexOfAny(ForbiddenChars);
        if (forbidden >= 0)
        {
            return $"contains '{value[forbidden]}', which git does not allow in branch names; {Fix}";
        }

        return CheckShape(value);
    }

    private static string? CheckShape(string value)
    {
        if (value[0] == '-')
        {
            return $"must not start with '-' (git would read it as an option); {Fix}";
        }

        if (value == "@")
        {
            return $"is '@', which git reserves; {Fix}";
        }

        foreach (var sequence in new[] { "..", "//", "@{" })
        {
            if (value.Contains(sequence, StringComparison.Ordinal))
            {
                return $"contains '{sequence}', which git does not allow in branch names; {Fix}";
            }
        }

        if (value[0] == '/' || value[^1] == '/')
        {
            return $"must not start or end with '/'; {Fix}";
        }

        if (value[^1] == '.')
        {
            return $"must not end with '.'; {Fix}";
        }

        return CheckComponents(value);
    }

    private static string? CheckComponents(string value)
    {
        foreach (var component in value.Split('/'))
        {
            if (component.StartsWith('.'))
            {
                return $"has the part {Describe.Quote(component)} starting with '.', which git does not allow; {Fix}";
            }

            if (component.EndsWith(".lock", StringComparison.Ordinal))
            {
                return $"has the part {Describe.Quote(component)} ending with '.lock', which git reserves; {Fix}";
            }
        }

        return null;
    }
}
