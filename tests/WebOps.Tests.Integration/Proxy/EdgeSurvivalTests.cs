using System.Diagnostics;
using System.Globalization;
using WebOps.Tests.Integration.Docker;
using Xunit.Abstractions;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>
/// The edge and the panel outlive each other: with <c>webops serve</c> as a real process that started its own Caddy,
/// a killed Caddy is started again with every route, and a killed panel leaves Caddy and the app serving.
/// </summary>
public sealed class EdgeSurvivalTests(ITestOutputHelper output)
{
    [DockerFact]
    public async Task A_killed_caddy_is_started_again_by_the_panel_with_every_route()
    {
        await using var panel = await ServedPanel.StartAsync();
        await using var app = await DockerSite.DeployAsync(panel, "revive");
        var before = await OwnCaddyPidAsync(panel);

        Process.GetProcessById(before).Kill();
        var killed = Stopwatch.StartNew();
        await app.EventuallyServesAsync("version 1", TimeSpan.FromSeconds(30));
        killed.Stop();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Caddy killed: the app answered through the edge again after {killed.Elapsed.TotalSeconds:0.0} s"));
        Assert.NotEqual(before, await OwnCaddyPidAsync(panel));
        Assert.Contains($"Edge proxy: the Caddy the panel started (pid {before}) is gone; starting Caddy again with the routes of 1 sites", panel.Output, StringComparison.Ordinal);
        await panel.WaitForOutputAsync($"Edge proxy: Caddy was restarted and answers at 127.0.0.1:{panel.AdminPort} again", TimeSpan.FromSeconds(15));
    }

    [DockerFact]
    public async Task Apps_keep_serving_while_the_panel_is_killed_and_started_again_and_then_a_redeploy_works()
    {
        await using var panel = await ServedPanel.StartAsync("--Deployments:DrainTimeout=00:00:01");
        await using var app = await DockerSite.DeployAsync(panel, "outlive");
        var caddy = await OwnCaddyPidAsync(panel);

        await using (var load = EdgeLoad.Start(panel.HttpPort, app.Domain))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await panel.KillAsync();
            var afterKill = load.Total;
            await Task.Delay(TimeSpan.FromSeconds(3));
            var whileDown = load.Total - afterKill;
            await panel.StartAgainAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await load.StopAsync();

            output.WriteLine($"{load.Failures.Count} of {load.Total} requests failed ({whileDown} while the panel was down)");
            Assert.True(load.Failures.Count == 0, $"{load.Failures.Count} of {load.Total} failed, e.g.:\n{string.Join('\n', load.Failures.Take(5))}");
            Assert.True(whileDown > 100, $"only {whileDown} requests while the panel was down");
            Assert.Equal(["version 1"], load.Bodies.Keys);
        }

        // The restarted panel found its Caddy serving and kept it.
        Assert.Equal(caddy, await OwnCaddyPidAsync(panel));
        await app.RedeployAsync("version 2");
        await app.EventuallyServesAsync("version 2", TimeSpan.FromSeconds(30));
    }

    private static async Task<int> OwnCaddyPidAsync(ServedPanel panel)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                var pid = int.Parse((await File.ReadAllTextAsync(panel.CaddyPidFile)).Trim(), CultureInfo.InvariantCulture);
                using var process = Process.GetProcessById(pid);
                return pid;
            }
            catch (Exception e) when (e is IOException or FormatException or ArgumentException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
