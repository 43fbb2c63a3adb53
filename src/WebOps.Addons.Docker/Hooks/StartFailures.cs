using System.Text.RegularExpressions;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>Messages for a container that did not start, with the evidence (exit code, last log lines).</summary>
internal static partial class StartFailures
{
    public const int LogLines = 30;

    public static string Exited(string name, long exitCode, IReadOnlyList<RuntimeLogLine> logs) =>
        $"Container {name} exited with code {exitCode}. {Tail(logs)}";

    public static string NoAnswer(ContainerSpec spec, string address, TimeSpan timeout, int appPort, IReadOnlyList<RuntimeLogLine> logs) =>
        $"Container {spec.Name} is running, but nothing answered on {address} within {Durations.Describe(timeout)}. "
        + $"Make the app listen on port {appPort} on all interfaces (0.0.0.0) inside the container, or raise Docker:StartTimeout. {Tail(logs)}";

    /// <summary>A vLLM server that runs but never listed its model on <paramref name="path"/>.</summary>
    public static string ModelNotListed(string name, string servedName, string path, TimeSpan startPeriod, IReadOnlyList<RuntimeLogLine> logs) =>
        $"Container {name} is running, but vLLM did not list model '{servedName}' on {path} within {Durations.Describe(startPeriod)}. "
        + $"A large model can take longer to download and load: raise Llm:StartPeriod, or check the model id and the Hugging Face token. {Tail(logs)}";

    /// <summary>The engine's start error, made specific when a published port is taken.</summary>
    public static string StartRefused(ContainerSpec spec, string engineMessage)
    {
        if (!engineMessage.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
            && !engineMessage.Contains("port is already allocated", StringComparison.OrdinalIgnoreCase))
        {
            return $"Container {spec.Name} could not start: {engineMessage}";
        }

        var match = Address().Match(engineMessage);
        var address = match.Success ? match.Value : string.Join(", ", spec.Ports.Select(p => p.ToRunArgument()));
        var port = match.Success ? match.Groups["port"].Value : "PORT";
        return $"Port {address} is already in use on this host, so container {spec.Name} cannot publish it. "
            + $"Stop what listens there (ss -ltnp 'sport = :{port}') or change the deployment's port, then redeploy.";
    }

    private static string Tail(IReadOnlyList<RuntimeLogLine> logs) =>
        logs.Count == 0
            ? "The container wrote no output."
            : $"Last {LogLines} log lines:\n{string.Join('\n', logs.TakeLast(LogLines).Select(l => l.Text))}";

    [GeneratedRegex(@"(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]|0\.0\.0\.0):(?<port>\d{1,5})", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
