using System.Diagnostics;

namespace WebOps.Tests.Integration.Metrics;

/// <summary>
/// The Prometheus project's own text parser (Debian's python3-prometheus-client, installed by the test script, run by
/// Debian's own interpreter so another python3 on the PATH cannot hide it), as a
/// second opinion beside <see cref="PrometheusText"/>: what it cannot read, a scraper would not either.
/// </summary>
internal static class ReferenceParser
{
    private const string Script =
        "import sys\n"
        + "from prometheus_client.parser import text_string_to_metric_families\n"
        + "families = list(text_string_to_metric_families(sys.stdin.read()))\n"
        + "print(sum(len(f.samples) for f in families))\n";

    /// <summary>The number of samples the reference parser reads; throws with its error when it refuses the text.</summary>
    public static async Task<int> CountSamplesAsync(string text)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"the Prometheus reference parser refused /metrics (exit {process.ExitCode}; install python3-prometheus-client if the module is missing): {await stderr}");
        }

        return int.Parse((await stdout).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
