namespace WebOps.Core.Systemd;

/// <summary>
/// The text of a unit's environment file, in the two formats its readers take: systemd's <c>EnvironmentFile=</c>
/// (process apps) and <c>docker run --env-file</c> (Docker apps). Pure functions, variables sorted by name so the
/// text is stable.
/// </summary>
public static class EnvironmentFiles
{
    /// <summary>One <c>NAME="value"</c> line per variable (<see cref="SystemdQuoting.QuoteEnvironmentFileAssignment"/>).</summary>
    /// <exception cref="ArgumentException">A name is not a variable name, or a value holds a NUL.</exception>
    public static string Systemd(string deployment, IEnumerable<KeyValuePair<string, string>> variables) =>
        Header(deployment) + string.Concat(Sorted(variables).Select(v => SystemdQuoting.QuoteEnvironmentFileAssignment(v.Key, v.Value) + "\n"));

    /// <summary>
    /// One <c>NAME=value</c> line per variable, the value as is: Docker's env-file format has no quoting, keeps the
    /// rest of the line verbatim and ends the value at the line break.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not a variable name, or a value holds a line break or NUL.</exception>
    public static string Docker(string deployment, IEnumerable<KeyValuePair<string, string>> variables) =>
        Header(deployment) + string.Concat(Sorted(variables).Select(v => DockerLine(v.Key, v.Value) + "\n"));

    // Both formats skip lines starting with '#'.
    private static string Header(string deployment) =>
        $"# Environment of WebOps deployment {deployment}. Every deploy rewrites this file; keep it mode 0600.\n";

    private static IEnumerable<KeyValuePair<string, string>> Sorted(IEnumerable<KeyValuePair<string, string>> variables) =>
        variables.OrderBy(v => v.Key, StringComparer.Ordinal);

    private static string DockerLine(string name, string value)
    {
        SystemdQuoting.RequireVariableName(name);

        // Docker reads the file line by line: a '\n' would end the value, a '\r' before it would be dropped.
        var index = value.AsSpan().IndexOfAny('\n', '\r', '\0');
        if (index >= 0)
        {
            var what = value[index] == '\0' ? "a NUL character" : "a line break";
            throw new ArgumentException(
                $"Environment variable '{name}' cannot be written to Docker's env file: its value holds {what} "
                + $"(U+{(int)value[index]:X4} at position {index}), which that format cannot carry. Remove it from the "
                + "value, or run the app with Docker:Supervisor=docker, which passes variables through the Engine API.");
        }

        return $"{name}={value}";
    }
}
