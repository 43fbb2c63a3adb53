using System.Text.RegularExpressions;

namespace WebOps.Core.Validation;

/// <summary>
/// Accepts only URL forms git clones without running anything else: an unknown scheme or a
/// <c>transport::</c> prefix makes git start a remote helper (<c>ext::</c> runs any command), and a
/// value or host starting with '-' reaches git or ssh as an option.
/// </summary>
internal static partial class RepoUrlRule
{
    private const string Examples =
        "use https://host/owner/app.git, ssh://git@host/owner/app.git or git@host:owner/app.git";

    public static string? Check(string value, bool allowLocal)
    {
        if (value.Length == 0)
        {
            return $"is empty; {Examples}";
        }

        if (value.Length > ValidationLimits.RepoUrlMaxLength)
        {
            return $"{Describe.TooLong(value.Length, ValidationLimits.RepoUrlMaxLength)}; shorten it";
        }

        var bad = Describe.FirstControlOrWhiteSpace(value);
        if (bad >= 0)
        {
            return $"contains {Describe.Char(value[bad])}, which is not allowed in a repository URL; remove it";
        }

        if (value[0] == '-')
        {
            return $"must not start with '-' (git would read it as an option); {Examples}";
        }

        var transport = Transport().Match(value);
        if (transport.Success)
        {
            return $"uses the '{transport.Groups[1].Value}::' transport form, which is not allowed because it runs a helper program; {Examples}";
        }

        var scheme = Scheme().Match(value);
        if (scheme.Success)
        {
            return CheckUrl(value, scheme.Groups[1].Value.ToLowerInvariant(), allowLocal);
        }

        if (value[0] == '/')
        {
            return allowLocal ? null : LocalDisabled("absolute paths");
        }

        return IsScpLike(value) ? ScpLikeRule.Check(value) : $"is not a repository URL git can clone; {Examples}";
    }

    private static string? CheckUrl(string value, string scheme, bool allowLocal)
    {
        switch (scheme)
        {
            case "https" or "http" or "ssh" or "git" or "git+ssh" or "ssh+git":
                return CheckNetworkUrl(value);
            case "file":
                return allowLocal ? CheckFileUrl(value) : LocalDisabled("file:// URLs");
            default:
                return $"uses the scheme '{Describe.Visible(scheme, 20)}', which is not supported; {Examples} (http:// and git:// also work)";
        }
    }

    private static string? CheckNetworkUrl(string value)
    {
        // Checked on the raw text: Uri may normalise what ssh would later see.
        var authority = value[(value.IndexOf("://", StringComparison.Ordinal) + 3)..];
        authority = authority[..IndexOfAny(authority, '/', '?', '#')];
        var at = authority.LastIndexOf('@');
        var host = authority[(at + 1)..];
        if (host.StartsWith('-') || (at > 0 && authority[0] == '-'))
        {
            return $"names a host or user starting with '-', which ssh would read as an option; {Examples}";
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return $"is not a valid URL; {Examples}";
        }

        if (uri.Host.Length == 0)
        {
            return $"has no host; {Examples}";
        }

        return uri.AbsolutePath.Length <= 1
            ? "names no repository path; add it, e.g. https://github.com/owner/app.git"
            : null;
    }

    private static string? CheckFileUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            return "is not a valid file:// URL; use file:///path/to/repo.git";
        }

        return uri.Host.Length > 0 ? "is a file:// URL with a host; use file:///path/to/repo.git" : null;
    }

    private static string LocalDisabled(string what) =>
        $"local repositories ({what}) are disabled on this server; use a remote URL, or set Deployments:AllowLocalRepos to true";

    /// <summary>Git's own rule: a ':' before any '/' means scp-like syntax (<c>host:path</c>).</summary>
    private static bool IsScpLike(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return colon > 0 && (slash < 0 || colon < slash);
    }

    private static int IndexOfAny(string text, params char[] chars)
    {
        var index = text.IndexOfAny(chars);
        return index < 0 ? text.Length : index;
    }

    // The characters git accepts in a scheme or remote helper name (transport.c, is_urlschemechar).
    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.-]*)::", RegexOptions.CultureInvariant)]
    private static partial Regex Transport();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.-]*)://", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();
}
