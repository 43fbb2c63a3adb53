using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Cli;

/// <summary><c>webops systemd render NAME</c> for a deployment that uses every Docker field.</summary>
public sealed class SystemdRenderTests
{
    [Fact]
    public async Task Rendered_unit_carries_every_docker_field_quoted_and_passes_systemd_analyze()
    {
        var data = Path.Combine(Path.GetTempPath(), "webops-unit-" + Guid.NewGuid().ToString("N")[..8]);
        var panel = await PanelApp.StartInFolderAsync(data);
        using (var client = await panel.WithTokenAsync())
        {
            var created = await client.PostAsJsonAsync("/api/deployments", new
            {
                name = "unit-all",
                repo_url = "https://example.invalid/app.git",
                use_docker = true,
                env_vars = new Dictionary<string, string> { ["GREETING"] = "hello \"world\" $HOME 100%" },
                docker_env_vars = new Dictionary<string, string> { ["PATH_WITH_SPACE"] = "/srv/my app" },
                docker_volumes = new[] { "/srv/unit-all:/data:ro", "cache:/cache" },
                docker_ports = new[] { "127.0.0.1:9100:9100/udp" },
                docker_network_mode = "bridge",
                docker_image_name = "registry.local:5000/team/unit-all:v1",
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await panel.StopAsync();
        var (code, unit, stderr) = await WebOpsCli.RunAsync("systemd", "render", "unit-all", "--data", data);

        Assert.True(code == 0, stderr);
        Assert.Contains("ExecStartPre=-/usr/bin/docker rm -f webops-unit-all", unit, StringComparison.Ordinal);
        Assert.Contains("ExecStop=/usr/bin/docker stop webops-unit-all", unit, StringComparison.Ordinal);
        var exec = unit.Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        Assert.StartsWith("ExecStart=/usr/bin/docker run --rm --name webops-unit-all ", exec, StringComparison.Ordinal);
        Assert.Contains("--label webops.deployment=unit-all", exec, StringComparison.Ordinal);
        Assert.Contains("-e \"GREETING=hello \\\"world\\\" $$HOME 100%%\"", exec, StringComparison.Ordinal);
        Assert.Contains("-e \"PATH_WITH_SPACE=/srv/my app\"", exec, StringComparison.Ordinal);
        Assert.Contains("-v /srv/unit-all:/data:ro", exec, StringComparison.Ordinal);
        Assert.Contains("-v cache:/cache", exec, StringComparison.Ordinal);
        Assert.Contains("-p 127.0.0.1:9100:9100/udp", exec, StringComparison.Ordinal);
        Assert.Contains("--network bridge", exec, StringComparison.Ordinal);
        Assert.EndsWith("registry.local:5000/team/unit-all:v1", exec.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("--restart", exec, StringComparison.Ordinal);

        var analyze = FindSystemdAnalyze();
        if (analyze is null)
        {
            Assert.NotEqual("1", Environment.GetEnvironmentVariable("WEBOPS_REQUIRE_DOCKER"));
            return;
        }

        var file = Path.Combine(data, "webops-unit-all.service");
        await File.WriteAllTextAsync(file, unit);
        var psi = new ProcessStartInfo(analyze) { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("verify");
        psi.ArgumentList.Add(file);
        using var p = Process.Start(psi)!;
        var verifyErr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(0, p.ExitCode);
        Assert.Equal("", verifyErr.Trim());
        Directory.Delete(data, recursive: true);
    }

    private static string? FindSystemdAnalyze() =>
        new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);
}
