using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Core.Proxy;
using WebOps.Data;
using WebOps.Deploys;
using WebOps.Hosting;
using WebOps.Tests.Unit.Health;

namespace WebOps.Tests.Unit.Deployments;

/// <summary>Host ports against a real SQLite database (a file, so concurrent deploys each have their own connection).</summary>
public sealed class HostPortAllocatorTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("webops-ports-").FullName;

    public async Task InitializeAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Port_of_a_deleted_deployment_is_handed_out_again()
    {
        var port = FreeRange(1);
        var allocator = Allocator(port, port);
        var blog = await AddAsync("blog");
        await SaveAsync(blog, await AllocateAsync(allocator, blog));
        await DeleteAsync(blog);
        var shop = await AddAsync("shop");

        Assert.Equal(port, await AllocateAsync(allocator, shop));
    }

    [Fact]
    public async Task Deployment_whose_deploy_failed_before_saving_gets_its_port_again()
    {
        var port = FreeRange(1);
        var allocator = Allocator(port, port);
        var blog = await AddAsync("blog");
        Assert.Equal(port, await AllocateAsync(allocator, blog));

        Assert.Equal(port, await AllocateAsync(allocator, blog));
    }

    [Fact]
    public async Task Unsaved_ports_stay_reserved_until_saved_or_their_deployment_is_deleted()
    {
        var first = FreeRange(4);
        var allocator = Allocator(first, first + 3);
        var (blog, shop, wiki) = (await AddAsync("blog"), await AddAsync("shop"), await AddAsync("wiki"));
        var blogPort = await AllocateAsync(allocator, blog);
        var shopPort = await AllocateAsync(allocator, shop);

        var full = await Assert.ThrowsAsync<DeployFailedException>(() => AllocateAsync(allocator, wiki));
        await SaveAsync(blog, blogPort);
        await DeleteAsync(shop);

        Assert.Equal([first, first + 2], new[] { blogPort, shopPort }.Select(SlotPorts.PairBase).Order());
        Assert.Equal($"No free host port in {first}-{first + 3}. Widen Deployments:HostPortRangeStart/End or remove unused deployments.", full.Message);
        Assert.Equal(SlotPorts.PairBase(shopPort), SlotPorts.PairBase(await AllocateAsync(allocator, wiki)));
    }

    [Fact]
    public async Task No_deployment_gets_a_port_of_another_deployments_slot_pair()
    {
        var first = FreeRange(4);
        var allocator = Allocator(first, first + 3);
        var blog = await AddAsync("blog");
        await SaveAsync(blog, first + 1);
        var others = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            var app = await AddAsync($"app{i}");
            others.Add(await AllocateAsync(allocator, app));
            await DeleteAsync(app);
        }

        // Blog holds the second port of the first pair; its partner is free but never handed to another app.
        Assert.All(others, p => Assert.Equal(first + 2, SlotPorts.PairBase(p)));
    }

    [Fact]
    public async Task A_release_beside_the_running_one_never_gets_the_deployments_own_port()
    {
        var first = FreeRange(2);
        var allocator = Allocator(first, first + 1);
        var blog = await AddAsync("blog");
        var current = await AllocateAsync(allocator, blog);
        await SaveAsync(blog, current);

        await using var db = Open();
        var beside = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            beside.Add(await allocator.AllocateAsync(db, blog, default, besideCurrent: true));
        }

        // The range has two ports: the one that is not the deployment's, every time.
        Assert.Equal(Enumerable.Repeat(first + first + 1 - current, 5), beside);
    }

    [Fact]
    public async Task Concurrent_deploys_never_get_the_same_port()
    {
        const int count = 12;
        var first = FreeRange(2 * count);
        var allocator = Allocator(first, first + (2 * count) - 1);
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await AddAsync($"app{i}"));
        }

        var ports = await Task.WhenAll(ids.Select(id => Task.Run(() => AllocateAsync(allocator, id))));

        // One whole slot pair each.
        Assert.Equal(Enumerable.Range(0, count).Select(i => first + (2 * i)), ports.Select(SlotPorts.PairBase).Order());
    }

    private WebOpsDbContext Open() => new(
        new DbContextOptionsBuilder<WebOpsDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "webops.db")};Default Timeout=30").Options,
        new PlainProtector());

    private static HostPortAllocator Allocator(int start, int end) =>
        new(Options.Create(new DeploymentSettings { HostPortRangeStart = start, HostPortRangeEnd = end }));

    /// <summary>Allocates on a context of its own, as each deploy runs in its own scope.</summary>
    private async Task<int> AllocateAsync(HostPortAllocator allocator, int deploymentId)
    {
        await using var db = Open();
        return await allocator.AllocateAsync(db, deploymentId, CancellationToken.None);
    }

    private async Task<int> AddAsync(string name)
    {
        await using var db = Open();
        var d = new Deployment { Name = name, RepoUrl = "https://example.invalid/x.git" };
        db.Deployments.Add(d);
        await db.SaveChangesAsync();
        return d.Id;
    }

    private async Task SaveAsync(int deploymentId, int port)
    {
        await using var db = Open();
        await db.Deployments.Where(d => d.Id == deploymentId).ExecuteUpdateAsync(u => u.SetProperty(d => d.HostPort, port));
    }

    private async Task DeleteAsync(int deploymentId)
    {
        await using var db = Open();
        await db.Deployments.Where(d => d.Id == deploymentId).ExecuteDeleteAsync();
    }

    /// <summary>
    /// The first of <paramref name="count"/> consecutive loopback ports that are free now, below Linux's ephemeral range
    /// (32768-60999): there the load tests running beside this one leave thousands of client sockets, and one run found
    /// no 12 free in a row between 40000 and 60000.
    /// </summary>
    private static int FreeRange(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            // Even, so the range holds whole slot pairs.
            var first = Random.Shared.Next(10000, 16000 - count) * 2;
            if (Enumerable.Range(first, count).All(HostPortAllocator.IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free loopback ports found between 20000 and 32000.");
    }
}
