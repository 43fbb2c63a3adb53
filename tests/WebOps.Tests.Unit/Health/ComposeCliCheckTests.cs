using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using WebOps.Addons.Docker.Compose;
using WebOps.Core.Processes;
using WebOps.Health;

namespace WebOps.Tests.Unit.Health;

public sealed class ComposeCliCheckTests
{
    [Fact]
    public async Task Healthz_says_checking_until_the_server_listens_and_the_first_look_finishes()
    {
        using var locator = new ComposeCliLocator(new ProcessRunner(NullLogger<ProcessRunner>.Instance), TimeProvider.System);
        using var lifetime = new Lifetime();
        using var check = new ComposeCliCheck(locator, lifetime, NullLogger<ComposeCliCheck>.Instance);
        await check.StartAsync(CancellationToken.None);

        // The server has not started listening: no process is started on the way to the first answer.
        Assert.Equal(ComposeCliCheck.Checking, await check.DescribeAsync(CancellationToken.None));

        lifetime.Started.Cancel();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string text;
        while ((text = await check.DescribeAsync(CancellationToken.None)) == ComposeCliCheck.Checking && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Matches("^(docker compose: .+|docker-compose: .+|not installed)$", text);
        await check.StopAsync(CancellationToken.None);
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        public CancellationTokenSource Started { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }

        public void Dispose() => Started.Dispose();
    }
}
