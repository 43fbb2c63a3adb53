using System.ComponentModel;
using System.Diagnostics;

namespace WebOps.Tests.Integration.Browser;

/// <summary>
/// Removes what the panel created in Docker for a deployment: containers and images labelled
/// <c>webops.deployment=NAME</c>. Runs after every test, passed or failed.
/// </summary>
public static class DockerCleanup
{
    public static async Task RemoveAsync(string deployment)
    {
        var filter = $"label=webops.deployment={deployment}";
        var containers = await DockerAsync("ps", "-aq", "--filter", filter);
        if (containers.Length > 0)
        {
            await DockerAsync(["rm", "-f", .. containers]);
        }

        var images = await DockerAsync("images", "-q", "--filter", filter);
        if (images.Length > 0)
        {
            await DockerAsync(["rmi", "-f", .. images.Distinct()]);
        }
    }

    /// <summary>The output lines of a docker command; none when Docker is not installed (then nothing needs removing).</summary>
    private static async Task<string[]> DockerAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var errors = p.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await p.WaitForExitAsync(limit.Token);
            _ = await errors;
            return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        catch (Win32Exception)
        {
            return [];
        }
    }
}
