using System.Text;

namespace WebOps.Core.Systemd;

/// <summary>
/// Writes values into unit files so systemd reads back exactly the original string (systemd.syntax(5)
/// "Quoting", systemd.service(5) "Command lines", systemd.unit(5) "Specifiers").
/// </summary>
public static class SystemdQuoting
{
    /// <summary>
    /// One argument of an Exec*= command line. Plain words stay as they are; anything else is double-quoted
    /// with <c>\</c> and <c>"</c> escaped. <c>$</c> becomes <c>$$</c> (no variable expansion) and <c>%</c>
    /// becomes <c>%%</c> (no specifier expansion), quoted or not.
    /// </summary>
    /// <exception cref="ArgumentException">The value holds a newline or another control character.</exception>
    public static string QuoteArgument(string value) => Quote(value, "The value");

    /// <summary>
    /// One line of a file read through <c>EnvironmentFile=</c>: <c>NAME="value"</c>. Inside double quotes systemd keeps
    /// every character as written except <c>\</c> followed by one of <c>" \ ` $</c>, which stands for that character
    /// (systemd.exec(5) "EnvironmentFile="), so exactly those four are escaped. Nothing is expanded in such a file:
    /// <c>%</c> stays, and line breaks and other control characters are carried as they are.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a variable name, or the value holds a NUL.</exception>
    public static string QuoteEnvironmentFileAssignment(string name, string value)
    {
        RequireVariableName(name);
        var nul = value.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            throw new ArgumentException(
                $"Environment variable '{name}' cannot be written to a systemd environment file: its value holds a NUL "
                + $"character (at position {nul}), which no process can receive. Remove it from the value.");
        }

        var text = new StringBuilder(name.Length + value.Length + 4).Append(name).Append("=\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\' or '`' or '$')
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.Append('"').ToString();
    }

    /// <summary>Refuses a name that is not a variable name, in the words a user can act on.</summary>
    /// <exception cref="ArgumentException">The name is empty, starts with a digit or holds other characters.</exception>
    internal static void RequireVariableName(string name)
    {
        if (!IsVariableName(name))
        {
            throw new ArgumentException(
                $"Environment variable name '{Printable(name)}' is not valid in a unit's environment file: use letters, "
                + "digits and underscores, not starting with a digit.",
                nameof(name));
        }
    }

    /// <summary>A value for a key that takes the rest of the line (Description=, WorkingDirectory=): only <c>%</c> is special.</summary>
    public static string EscapeSpecifiers(string value)
    {
        RejectControlCharacters(value, "The value");
        return value.Replace("%", "%%", StringComparison.Ordinal);
    }

    private static string Quote(string value, string subject)
    {
        RejectControlCharacters(value, subject);
        var needsQuotes = value.Length == 0 || value.Any(c => !IsPlain(c));
        var text = new StringBuilder(value.Length + 2);
        if (needsQuotes)
        {
            text.Append('"');
        }

        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                '%' => "%%",
                '$' => "$$",
                _ => c.ToString(),
            });
        }

        return needsQuotes ? text.Append('"').ToString() : text.ToString();
    }

    /// <summary>
    /// Characters that never need quotes. Everything else, including ';' (a lone one separates commands),
    /// quotes, whitespace, '$', '%' and non-ASCII text, is written inside double quotes.
    /// </summary>
    private static bool IsPlain(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '-' or '_' or '.' or '/' or ':' or '=' or '@' or '+' or ',';

    private static bool IsVariableName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>
    /// A newline would end the directive and start another one, so it is refused, never escaped. The message
    /// names the position but not the value, which may be a secret.
    /// </summary>
    private static void RejectControlCharacters(string value, string subject)
    {
        var index = value.AsSpan().IndexOfAnyInRange('\u0000', '\u001f');
        if (index < 0)
        {
            index = value.AsSpan().IndexOfAnyInRange('\u007f', '\u009f');
        }

        if (index >= 0)
        {
            throw new ArgumentException(
                $"{subject} cannot be written to a systemd unit: it holds a newline or another control character "
                + $"(U+{(int)value[index]:X4} at position {index}). Remove it from the value.");
        }
    }

    private static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
