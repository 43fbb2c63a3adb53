using System.Diagnostics;

namespace WebOps.Tests.Unit.Systemd;

/// <summary>Runs <c>systemd-analyze verify</c>, which works without systemd as PID 1.</summary>
internal static class SystemdAnalyze
{
    public static string? Path { get; } = Environment.GetEnvironmentVariable("PATH")?
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, "systemd-analyze"))
        .FirstOrDefault(File.Exists);

    /// <summary>Exit code and stderr of <c>systemd-analyze verify FILE</c>, within 60 seconds.</summary>
    public static async Task<(int ExitCode, string Stderr)> VerifyAsync(string unitFile)
    {
        var tool = Path ?? throw new InvalidOperationException(
            "systemd-analyze is not on PATH but WEBOPS_REQUIRE_DOCKER=1 requires it: run scripts/install-test-deps.sh.");
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add(unitFile);
        // Without a systemd manager it would try to reach one for the man-page check; none of that is needed here.
        start.ArgumentList.Add("--man=no");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"systemd-analyze verify {unitFile} did not finish within 60 s.");
        }

        await stdout;
        return (process.ExitCode, await stderr);
    }
}
