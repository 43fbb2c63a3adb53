using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Cli;

/// <summary><c>webops systemd render NAME</c> for a deployment that uses every Docker field.</summary>
public sealed class SystemdRenderTests
{
    [Fact]
    public async Task Rendered_unit_carries_every_docker_field_quoted_keeps_variables_in_the_env_file_and_passes_systemd_analyze()
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
        Assert.Contains(
            "The unit reads the container's 2 variables from /etc/webops/env/unit-all.env, which this command does not write. "
            + "Create it as root, readable by root only, before starting the unit:\n"
            + "  (umask 077; mkdir -p /etc/webops/env && webops systemd render unit-all --reveal-env > /etc/webops/env/unit-all.env)",
            stderr,
            StringComparison.Ordinal);
        Assert.DoesNotContain("hello", unit + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("/srv/my app", unit + stderr, StringComparison.Ordinal);
        Assert.Contains("ExecStartPre=-/usr/bin/docker rm -f webops-unit-all", unit, StringComparison.Ordinal);
        Assert.Contains("ExecStop=/usr/bin/docker stop webops-unit-all", unit, StringComparison.Ordinal);
        var exec = unit.Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        Assert.StartsWith("ExecStart=/usr/bin/docker run --rm --name webops-unit-all --env-file /etc/webops/env/unit-all.env ", exec, StringComparison.Ordinal);
        Assert.Contains("--label webops.deployment=unit-all", exec, StringComparison.Ordinal);
        Assert.DoesNotContain(" -e ", exec, StringComparison.Ordinal);
        Assert.Contains("-v /srv/unit-all:/data:ro", exec, StringComparison.Ordinal);
        Assert.Contains("-v cache:/cache", exec, StringComparison.Ordinal);
        Assert.Contains("-p 127.0.0.1:9100:9100/udp", exec, StringComparison.Ordinal);
        Assert.Contains("--network bridge", exec, StringComparison.Ordinal);
        Assert.EndsWith("registry.local:5000/team/unit-all:v1", exec.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("--restart", exec, StringComparison.Ordinal);

        // The values only when asked for, in Docker's env-file format, ready to be redirected into the file.
        var (revealCode, envText, revealErr) = await WebOpsCli.RunAsync("systemd", "render", "unit-all", "--reveal-env", "--data", data);
        Assert.True(revealCode == 0, revealErr);
        Assert.Equal(
            """
            # Environment of WebOps deployment unit-all. Every deploy rewrites this file; keep it mode 0600.
            GREETING=hello "world" $HOME 100%
            PATH_WITH_SPACE=/srv/my app

            """,
            envText);

        // Another place for the env file, for hosts that keep it elsewhere.
        var elsewhere = Path.Combine(data, "secret env", "unit-all.env");
        var (otherCode, otherUnit, otherErr) = await WebOpsCli.RunAsync("systemd", "render", "unit-all", "--env-file", elsewhere, "--data", data);
        Assert.True(otherCode == 0, otherErr);
        Assert.Contains($"ExecStart=/usr/bin/docker run --rm --name webops-unit-all --env-file \"{elsewhere}\" ", otherUnit, StringComparison.Ordinal);
        Assert.Contains($"webops systemd render unit-all --reveal-env > '{elsewhere}'", otherErr, StringComparison.Ordinal);

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
