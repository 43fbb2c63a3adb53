using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebOps.Core.Addons;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Addons;

public class AddonRegistryTests
{
    [Fact]
    public async Task Disabled_addon_hooks_never_run_and_enabling_brings_them_back()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", HookRunnerTests.Manifest("slack", "pre_deployment", "slack.notify", 10));
        var journal = new List<string>();
        var host = await AddonTestHost.StartAsync(folder, TestHandler.Journaling("slack.notify", journal));

        await host.Registry.SetEnabledAsync("slack", false, CancellationToken.None);
        await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, new RecordingLog()), CancellationToken.None);
        var whileDisabled = journal.Count;
        await host.Registry.SetEnabledAsync("slack", true, CancellationToken.None);
        await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, new RecordingLog()), CancellationToken.None);

        Assert.Equal(0, whileDisabled);
        Assert.Equal(["slack.notify"], journal);
    }

    [Fact]
    public async Task Disabled_flag_from_the_store_holds_across_a_restart()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", HookRunnerTests.Manifest("slack", "pre_deployment", "slack.notify", 10));
        folder.Addon("audit", HookRunnerTests.Manifest("audit", "pre_deployment", "audit.log", 10));
        var handlers = new IHookHandler[] { TestHandler.Journaling("slack.notify", []), TestHandler.Journaling("audit.log", []) };
        var first = await AddonTestHost.StartAsync(folder, handlers);
        await first.Registry.SetEnabledAsync("slack", false, CancellationToken.None);

        // A restart: a new registry over the same folder and the same store.
        var restarted = new AddonRegistry(first.Discovery, handlers, first.Store, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<AddonRegistry>.Instance);
        await restarted.InitializeAsync(CancellationToken.None);

        Assert.False(restarted.IsEnabled("slack"));
        Assert.True(restarted.IsEnabled("audit"));
        Assert.Equal(["audit"], restarted.HooksFor(HookEvent.PreDeployment).Select(h => h.Addon));
    }

    [Fact]
    public async Task Disabling_from_another_process_takes_effect_at_the_next_run()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", HookRunnerTests.Manifest("slack", "pre_deployment", "slack.notify", 10));
        var journal = new List<string>();
        var host = await AddonTestHost.StartAsync(folder, TestHandler.Journaling("slack.notify", journal));

        // The CLI writes the flag straight to the database; the running panel's registry is not told.
        await host.Store.SetEnabledAsync("slack", false, CancellationToken.None);
        var outcome = await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, new RecordingLog()), CancellationToken.None);

        Assert.Empty(outcome.Hooks);
        Assert.Empty(journal);
        Assert.False(host.Registry.IsEnabled("slack"));
    }

    [Fact]
    public async Task Invalid_addon_hooks_never_run()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", HookRunnerTests.Manifest("slack", "pre_deployment", "slack.notify", 10) + "colour: blue\n");
        var journal = new List<string>();
        var host = await AddonTestHost.StartAsync(folder, TestHandler.Journaling("slack.notify", journal));

        var outcome = await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, new RecordingLog()), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Empty(outcome.Hooks);
        Assert.Empty(journal);
        Assert.Single(host.Registry.Addons[0].Hooks);
    }

    [Fact]
    public async Task Enabling_an_unknown_addon_names_it_and_the_known_ones()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", "name: slack\nversion: 1.0.0\n");
        folder.Addon("audit", "name: audit\nversion: 1.0.0\n");
        var host = await AddonTestHost.StartAsync(folder);

        var ex = await Assert.ThrowsAsync<AddonNotFoundException>(() => host.Registry.SetEnabledAsync("slak", false, CancellationToken.None));

        Assert.Equal("No addon named 'slak' (known: audit, slack). Check the name with 'webops addons list'.", ex.Message);
    }

    [Fact]
    public async Task Startup_records_discovery_and_logs_the_exact_line()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", "name: slack\nversion: 1.0.0\n");
        folder.Addon("broken", "name: broken\n");
        using var capture = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        var host = new AddonTestHost(folder, loggers: loggers);

        await host.Registry.InitializeAsync(CancellationToken.None);

        var info = capture.Messages.Where(m => m.Level == LogLevel.Information).Select(m => m.Message);
        Assert.Equal(["Addons discovered and hooks registered at startup."], info);
        Assert.Contains((LogLevel.Warning, "Addon not loaded: addons/broken/addon.yaml: version: is required (a semantic version such as 1.0.0)"),
            capture.Messages.Select(m => (m.Level, m.Message)));
        var recorded = Assert.Single(host.Store.Recorded);
        Assert.Equal(["broken", "slack"], recorded.Addons.Select(a => a.Name));
    }

    [Fact]
    public async Task AddAddonSystem_binds_options_and_initializes_at_host_start()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", HookRunnerTests.Manifest("slack", "pre_deployment", "slack.notify", 10));
        var extra = Directory.CreateDirectory(Path.Combine(folder.Base, "more")).FullName;
        var journal = new List<string>();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Addons:Path"] = folder.Root,
            ["Addons:ExtraPaths:0"] = extra,
            ["Addons:DefaultHookTimeout"] = "00:00:10",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(config)
            .AddLogging()
            .AddSingleton<IAddonStateStore, InMemoryAddonStateStore>()
            .AddSingleton<IHookHandler>(TestHandler.Journaling("slack.notify", journal))
            .AddAddonSystem();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var options = provider.GetRequiredService<AddonOptions>();
        Assert.Equal((folder.Root, extra, TimeSpan.FromSeconds(10)), (options.Path, options.ExtraPaths.Single(), options.DefaultHookTimeout));
        var hook = Assert.Single(provider.GetRequiredService<AddonRegistry>().HooksFor(HookEvent.PreDeployment));
        Assert.Equal(TimeSpan.FromSeconds(10), hook.Timeout);

        // The runner and the verifier DI hands out work over the same discovered addons and registered handlers.
        var log = new RecordingLog();
        var outcome = await provider.GetRequiredService<HookRunner>().RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, log), CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(["slack.notify"], journal);
        Assert.Equal("[addon:slack] pre_deployment started", log.Lines[0]);
        var checks = await provider.GetRequiredService<AddonVerifier>().VerifyAsync("slack", CancellationToken.None);
        Assert.Equal(
            """
            ✓ manifest found: addons/slack/addon.yaml
            ✓ manifest valid: slack 1.0.0, 1 hook
            ✓ hooks[0].handler: slack.notify is registered

            """,
            VerifyReport.Format(checks));
    }
}
