using System.Net;
using System.Text.Json;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebOps.Core.Health;
using WebOps.Health;
using WebOps.Hosting;
using WebOps.Tests.Integration.Docker;

namespace WebOps.Tests.Integration.Health;

public sealed class ContainerEventHealthTests
{
    // Five minutes between sweeps: within a test only container events (or the check right after the deploy)
    // can change the health.
    private const string NoSweeps = "--Health:Interval=00:05:00";

    [DockerFact]
    public async Task Killed_container_turns_unhealthy_through_engine_events_long_before_the_next_sweep()
    {
        await using var app = await HealthPanel.DeployAsync(NoSweeps);
        await app.WaitForHealthAsync("healthy");

        await app.Docker.Containers.KillContainerAsync(await app.ContainerIdAsync(), new ContainerKillParameters(), default);

        await app.WaitForHealthAsync("unhealthy", TimeSpan.FromSeconds(60));
        var latest = (await app.HealthAsync()).GetProperty("history")[0];
        Assert.Equal("event", latest.GetProperty("source").GetString());
        Assert.Equal($"container webops-{app.Name} stopped (exit code 137); see its logs, then start or redeploy it", latest.GetProperty("message").GetString());
        var line = $"Health: unhealthy — container webops-{app.Name} stopped (exit code 137)";
        Assert.Contains(line, await app.WaitForLogAsync(line), StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task Restarted_container_is_checked_again_and_turns_healthy()
    {
        await using var app = await HealthPanel.DeployAsync(NoSweeps);
        await app.WaitForHealthAsync("healthy");
        var id = await app.ContainerIdAsync();
        await app.Docker.Containers.KillContainerAsync(id, new ContainerKillParameters(), default);
        await app.WaitForHealthAsync("unhealthy", TimeSpan.FromSeconds(60));

        await app.Docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), default);

        await app.WaitForHealthAsync("healthy", TimeSpan.FromSeconds(60));
        Assert.Contains("Health: healthy again", await app.WaitForLogAsync("Health: healthy again"), StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task Restart_requested_through_the_panel_raises_no_unhealthy_alarm()
    {
        await using var app = await HealthPanel.DeployAsync(NoSweeps);
        await app.WaitForHealthAsync("healthy");
        var id = await app.ContainerIdAsync();
        var dieHandled = new TaskCompletionSource<ContainerEventReaction>(TaskCreationOptions.RunContinuationsAsynchronously);
        // It starts once the server listens, so it is registered under AfterListening's key, not among the host's own services.
        var follower = app.Panel.Services.GetKeyedServices<IHostedService>(AfterListening.Key).OfType<RuntimeEventsFollower>().Single();
        follower.Handled += (e, reaction) =>
        {
            if (e.Action == "die" && e.InstanceId == id)
            {
                dieHandled.TrySetResult(reaction);
            }
        };

        var restarted = await app.Api.PostAsync($"/api/deployments/{app.Name}/restart", null);
        Assert.True(restarted.IsSuccessStatusCode, await restarted.Content.ReadAsStringAsync());

        // The restart's die is the event that could raise the alarm: once the monitor has handled it, whatever it
        // would record is in, so its absence now means it was judged a restart.
        var reaction = await dieHandled.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var history = (await app.HealthAsync()).GetProperty("history").EnumerateArray().ToList();
        Assert.True(
            !history.Any(h => h.GetProperty("status").GetString() == "unhealthy"),
            $"The restart's die was handled as {reaction.Action} ({reaction.Cause}); history: {string.Join("; ", history)}");
        Assert.Equal("healthy", (await app.DeploymentAsync()).GetProperty("health").GetString());
    }

    [DockerFact]
    public async Task Webhook_receives_the_unhealthy_notice_as_json()
    {
        var port = DockerTestKit.FreePort();
        using var receiver = new HttpListener();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        receiver.Start();
        await using var app = await HealthPanel.DeployAsync(NoSweeps, $"--Health:WebhookUrl=http://127.0.0.1:{port}/hook/");
        await app.WaitForHealthAsync("healthy");
        var received = receiver.GetContextAsync();

        await app.Docker.Containers.KillContainerAsync(await app.ContainerIdAsync(), new ContainerKillParameters(), default);

        var context = await received.WaitAsync(TimeSpan.FromSeconds(60));
        using var reader = new StreamReader(context.Request.InputStream);
        var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
        context.Response.StatusCode = 204;
        context.Response.Close();
        Assert.Equal("POST", context.Request.HttpMethod);
        Assert.StartsWith("application/json", context.Request.ContentType, StringComparison.Ordinal);
        Assert.Equal(app.Name, body.GetProperty("deployment").GetString());
        Assert.Equal("unhealthy", body.GetProperty("health").GetString());
        Assert.Contains("exit code 137", body.GetProperty("cause").GetString(), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(body.GetProperty("time").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }
}
