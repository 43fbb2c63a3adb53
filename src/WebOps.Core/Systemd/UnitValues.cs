using System.Text.RegularExpressions;

namespace WebOps.Core.Systemd;

/// <summary>Checks and escapes the values of a unit model before they reach a template.</summary>
internal static partial class UnitValues
{
    /// <summary>A deployment name; it becomes part of the container name, so Docker's name rules apply.</summary>
    public static string Name(string name) =>
        ContainerNamePart().IsMatch(name)
            ? name
            : throw new ArgumentException(
                $"Deployment name '{name.ReplaceLineEndings(" ")}' cannot name a systemd unit or container: use letters, digits, "
                + "'_', '.' and '-', starting with a letter or digit.",
                nameof(name));

    /// <summary>An absolute program path, quoted for the command line.</summary>
    public static string Executable(string path, string subject) =>
        path.StartsWith('/')
            ? SystemdQuoting.QuoteArgument(path)
            : throw new ArgumentException(
                $"{subject} '{path.ReplaceLineEndings(" ")}' is not an absolute path. Give the full path, e.g. /usr/bin/docker.",
                nameof(path));

    /// <summary>Each argument quoted; an argument that cannot be written is named by its position.</summary>
    public static List<string> Arguments(IReadOnlyList<string> arguments, string subject)
    {
        var quoted = new List<string>(arguments.Count);
        for (var i = 0; i < arguments.Count; i++)
        {
            try
            {
                quoted.Add(SystemdQuoting.QuoteArgument(arguments[i]));
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"{subject} #{i + 1}: {ex.Message}", nameof(arguments), ex);
            }
        }

        return quoted;
    }

    /// <summary>
    /// A path for a key that takes the rest of the line unquoted (WorkingDirectory=, EnvironmentFile=): only '%' needs
    /// escaping there. <paramref name="what"/> names the key for the message, e.g. "Working directory".
    /// </summary>
    public static string PathValue(string path, string what, string name)
    {
        if (!path.StartsWith('/') || path.Trim() != path || path.Contains('\\', StringComparison.Ordinal)
            || path.Contains('"', StringComparison.Ordinal) || path.Contains('\'', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"{what} '{path.ReplaceLineEndings(" ")}' of app '{name}' must be an absolute path without quotes, "
                + "backslashes or surrounding spaces.",
                nameof(path));
        }

        try
        {
            return SystemdQuoting.EscapeSpecifiers(path);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{what} of app '{name}': {ex.Message}", nameof(path), ex);
        }
    }

    /// <summary>The env file of a Docker unit, an absolute path quoted as one <c>docker run</c> argument.</summary>
    public static string EnvFileArgument(string path, string name)
    {
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException(
                $"Environment file '{path.ReplaceLineEndings(" ")}' of '{name}' is not an absolute path. Give the full path, "
                + $"e.g. /etc/webops/env/{name}.env.",
                nameof(path));
        }

        try
        {
            return SystemdQuoting.QuoteArgument(path);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"Environment file of '{name}': {ex.Message}", nameof(path), ex);
        }
    }

    /// <summary>A user name as useradd accepts it, or a numeric UID.</summary>
    public static string User(string user, string name) =>
        UserName().IsMatch(user)
            ? user
            : throw new ArgumentException(
                $"User '{user.ReplaceLineEndings(" ")}' of app '{name}' is not a valid user name or UID.",
                nameof(user));

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerNamePart();

    [GeneratedRegex(@"\A(?:[a-z_][a-z0-9_-]{0,31}|[0-9]{1,10})\z", RegexOptions.CultureInvariant)]
    private static partial Regex UserName();
}
