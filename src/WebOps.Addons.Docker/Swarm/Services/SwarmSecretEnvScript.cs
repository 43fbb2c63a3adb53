using System.Text.RegularExpressions;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// The small wrapper that gives a swarm task its variables as environment, as a container gets them, while the
/// service spec holds no value: <c>/bin/sh -c SCRIPT webops-env ENTRYPOINT… CMD…</c>, where SCRIPT exports each
/// secret file's content under its variable's name, then runs the image's own command in its place. Docker cannot
/// set a variable from a secret itself; this needs a shell in the image.
/// </summary>
public static partial class SwarmSecretEnvScript
{
    /// <summary>The wrapper's <c>$0</c>, as error messages of the shell name it.</summary>
    public const string Name = "webops-env";

    /// <summary>
    /// One line per key, <c>KEY="$(cat /run/secrets/KEY &amp;&amp; printf x)" || exit 1; export KEY="${KEY%x}"</c>, then
    /// <c>exec "$@"</c>. The <c>x</c> keeps trailing newlines of the value, which command substitution would strip; a
    /// missing file stops the task (cat names it in the task's log) instead of starting the app without it. Holds
    /// only names, never a value.
    /// </summary>
    public static string Script(IEnumerable<string> keys)
    {
        var lines = keys.Select(key =>
        {
            if (!VariableName().IsMatch(key))
            {
                throw new ArgumentException($"'{key}' is not a variable name (letters, digits and _, not starting with a digit); it cannot be exported by the Swarm secrets wrapper.", nameof(keys));
            }

            return $"{key}=\"$(cat /run/secrets/{key} && printf x)\" || exit 1; export {key}=\"${{{key}%x}}\"";
        });
        return string.Join('\n', lines.Append("exec \"$@\""));
    }

    /// <summary>
    /// The service's command: the wrapper followed by the image's entrypoint and command. Null when the image has
    /// neither: there is nothing to run after the exports, and Swarm reports the missing command itself.
    /// </summary>
    public static IList<string>? Command(IEnumerable<string> keys, IList<string>? entrypoint, IList<string>? cmd)
    {
        var image = (entrypoint ?? []).Concat(cmd ?? []).ToList();
        return image.Count == 0 ? null : ["/bin/sh", "-c", Script(keys), Name, .. image];
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();
}
