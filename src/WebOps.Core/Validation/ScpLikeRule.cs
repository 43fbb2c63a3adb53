using System.Text.RegularExpressions;

namespace WebOps.Core.Validation;

/// <summary>
/// The scp-like form <c>user@host:path</c>. User and host go to ssh and the path to the remote
/// git, so each is limited to characters that cannot be read as an option or a second argument.
/// </summary>
internal static partial class ScpLikeRule
{
    private const string Example = "use user@host:path, e.g. git@github.com:owner/app.git";

    public static string? Check(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var login = value[..colon];
        var path = value[(colon + 1)..];
        var at = login.LastIndexOf('@');
        if (at < 0)
        {
            return $"has no user before the host; {Example}";
        }

        var user = login[..at];
        var host = login[(at + 1)..];
        if (!User().IsMatch(user))
        {
            return $"has the user {Describe.Quote(user)}, which is not allowed; use letters, digits, '.', '_' or '-', not starting with '-' or '.'";
        }

        if (!Host().IsMatch(host))
        {
            return $"has the host {Describe.Quote(host)}, which is not a valid host name; use letters, digits, '.' and '-', not starting with '-'";
        }

        if (path.Length == 0)
        {
            return $"has no repository path after ':'; {Example}";
        }

        return path[0] == '-' ? $"has a path starting with '-', which git would read as an option; {Example}" : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex User();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Host();
}
