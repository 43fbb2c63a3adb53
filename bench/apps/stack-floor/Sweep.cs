using Docker.DotNet;
using Docker.DotNet.Models;

namespace StackFloor;

/// <summary>Every 30 s: one list call to the engine for the managed containers, and each row's status written back.</summary>
public sealed class Sweep(IServiceScopeFactory scopes, ILogger<Sweep> logger) : BackgroundService
{
    private static readonly ContainersListParameters Managed = new()
    {
        All = true,
        Filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { ["webops.managed=true"] = true },
        },
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var docker = new DockerClientBuilder().WithEndpoint(new Uri("unix:///var/run/docker.sock")).Build();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var containers = await docker.Containers.ListContainersAsync(Managed, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IStore>()
                    .SetStatusesAsync(name => containers.Any(c => c.Names.Contains("/" + name)) ? "running" : "missing");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("sweep failed: {Message}", e.Message);
            }

            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        }
    }
}
