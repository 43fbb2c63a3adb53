using System.Text;
using System.Text.RegularExpressions;

namespace WebOps.Addons.Docker.Build;

/// <summary>
/// The run's labels as one <c>LABEL</c> line appended to the Dockerfile sent in the build context. The engine's
/// classic builder turns each label given as a build parameter into a step of its own (a container created and
/// committed for each, about 0.1 s apiece on a busy machine); one line is one step. The effect is the same: the
/// engine also appends its label steps after the last instruction, so they land on the final stage.
/// </summary>
public static partial class DockerfileLabels
{
    /// <summary>
    /// The text to append to <paramref name="dockerfile"/> so the image carries <paramref name="labels"/>, or null
    /// when it cannot be appended safely (the caller then passes the labels as build parameters): a last instruction
    /// continued onto the next line would swallow the line, and a key or value outside <c>[A-Za-z0-9._-]</c> would
    /// need quoting the engine might expand.
    /// </summary>
    public static string? Suffix(string dockerfile, IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0 || labels.Any(l => !Plain().IsMatch(l.Key) || !Plain().IsMatch(l.Value)) || EndsContinued(dockerfile))
        {
            return null;
        }

        var line = new StringBuilder("LABEL");
        foreach (var (key, value) in labels)
        {
            line.Append(' ').Append(key).Append('=').Append(value);
        }

        var separator = dockerfile.Length == 0 || dockerfile.EndsWith('\n') ? "" : "\n";
        return $"{separator}# Added by WebOps: the run's labels in one build step.\n{line}\n";
    }

    /// <summary>
    /// Whether the last instruction line ends with an escape character, so it continues onto whatever follows. Both
    /// <c>\</c> and <c>`</c> count (an <c># escape=</c> directive picks one), so no directive needs reading; blank and
    /// comment lines do not end a continuation.
    /// </summary>
    private static bool EndsContinued(string dockerfile)
    {
        var lines = dockerfile.Split('\n');
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            var line = lines[i].TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            return line.EndsWith('\\') || line.EndsWith('`');
        }

        return false;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();
}
