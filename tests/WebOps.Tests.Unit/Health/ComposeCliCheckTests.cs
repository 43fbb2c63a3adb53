using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebOps.Health;
using WebOps.Hosting;
using WebOps.Tests.Unit.Addons;

namespace WebOps.Tests.Unit.Health;

public sealed class ComposeCliCheckTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "webops-composecheck-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_started_panel_runs_no_compose_cli_until_healthz_asks_and_then_says_checking_until_the_look_ends()
    {
        await using var app = WebOpsApp.Build(
        [
            "--data", data, "--urls", "http://127.0.0.1:0", "--Proxy:Enabled=false",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:WebOps.Core.Processes=Debug",
        ]);
        var processes = new CapturingLoggerProvider();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(processes);
        await app.StartAsync();
        await app.Services.GetRequiredService<StartupRecovery>().WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        // A look at start-up would have run `docker compose version` (a fast failure without the plugin) by now.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(processes.Messages, m => m.Message.Contains("version --short", StringComparison.Ordinal));

        var check = app.Services.GetRequiredService<ComposeCliCheck>();
        Assert.Equal(ComposeCliCheck.Checking, await check.DescribeAsync(CancellationToken.None));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string text;
        while ((text = await check.DescribeAsync(CancellationToken.None)) == ComposeCliCheck.Checking && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Matches("^(docker compose: .+|docker-compose: .+|not installed)$", text);
        if (text != "not installed")
        {
            Assert.Contains(processes.Messages, m => m.Message.StartsWith("Ran docker", StringComparison.Ordinal) && m.Message.Contains("version --short", StringComparison.Ordinal));
        }

        await app.StopAsync();
    }
}
