using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Core.Deployments;
using WebOps.Core.Health;
using WebOps.Data;
using WebOps.Health;
using WebOps.Tests.Integration.Docker;

namespace WebOps.Tests.Integration.Health;

public sealed class SweepAfterEventTests
{
    [DockerFact]
    public async Task A_sweep_that_finds_the_app_running_after_an_event_marked_it_unhealthy_makes_it_healthy_again()
    {
        // No sweeps of the panel's own: the test runs the one it needs.
        await using var app = await HealthPanel.DeployAsync("--Health:Interval=01:00:00");
        await app.WaitForHealthAsync("healthy");
        var checker = app.Panel.Services.GetRequiredService<HealthChecker>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        // A deployment the sweep checks first (lower id), whose probe waits on the test: the sweep has read every
        // deployment's health, and holds the app's check back until the test lets that probe go.
        using var slow = new TcpListener(IPAddress.Loopback, 0);
        slow.Start();
        await AddRunningAsync(app, -1, "sweep-first", ((IPEndPoint)slow.LocalEndpoint).Port);
        var accepted = slow.AcceptTcpClientAsync(limit.Token).AsTask();
        var sweep = checker.SweepAsync(1, limit.Token);
        using (await accepted)
        {
            // The container event (as a kill would be recorded) lands while the sweep is busy with the first deployment.
            await checker.OnContainerEventAsync(app.Name, await app.ContainerIdAsync(),
                new ContainerEventReaction(ContainerEventAction.MarkUnhealthy, "set by the test"), limit.Token);
            Assert.Equal("unhealthy", (await app.DeploymentAsync()).GetProperty("health").GetString());
        }

        Assert.Equal(2, await sweep);

        var history = (await app.HealthAsync()).GetProperty("history").EnumerateArray().ToList();
        // Newest first: the sweep's readings of the running app, then the event.
        var eventAt = history.FindIndex(h => h.GetProperty("message").GetString() == "set by the test");
        Assert.True(eventAt > 0 && history.Take(eventAt).All(h => h.GetProperty("status").GetString() == "healthy"), string.Join('\n', history));
        Assert.Equal("healthy", (await app.DeploymentAsync()).GetProperty("health").GetString());
    }

    private static async Task AddRunningAsync(HealthPanel app, int id, string name, int port)
    {
        await using var scope = app.Panel.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        db.Deployments.Add(new Deployment
        {
            Id = id,
            Name = name,
            RepoUrl = "https://example.invalid/never-cloned.git",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            HostPort = port,
        });
        await db.SaveChangesAsync();
        await db.Deployments.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeploymentStatus.Running));
    }
}
