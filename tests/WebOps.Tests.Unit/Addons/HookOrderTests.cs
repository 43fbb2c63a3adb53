using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Addons;

public class HookOrderTests
{
    [Fact]
    public async Task Hooks_run_by_priority_then_addon_name_ordinal_then_manifest_order()
    {
        using var folder = new AddonFolder();
        // "Zed" sorts before "alpha" in ordinal order (uppercase first), but names must be lowercase, so use digits:
        // "a-2" < "a10" ordinally ('-' < '1'), the reverse of a natural sort.
        folder.Addon("a10", Manifest("a10", ("a10.first", 50), ("a10.second", 50)));
        folder.Addon("a-2", Manifest("a-2", ("a-2.late", 200), ("a-2.tie", 50)));
        folder.Addon("zulu", Manifest("zulu", ("zulu.early", 10), ("zulu.default", null)));
        var journal = new List<string>();
        var names = new[] { "a10.first", "a10.second", "a-2.late", "a-2.tie", "zulu.early", "zulu.default" };
        var host = await AddonTestHost.StartAsync(folder, [.. names.Select(n => TestHandler.Journaling(n, journal))]);

        var outcome = await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, new RecordingLog()), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(["zulu.early", "a-2.tie", "a10.first", "a10.second", "zulu.default", "a-2.late"], journal);
        Assert.Equal(journal, host.Registry.HooksFor(HookEvent.PreDeployment).Select(h => h.Handler));
    }

    [Fact]
    public async Task Only_hooks_of_the_requested_event_are_listed()
    {
        using var folder = new AddonFolder();
        folder.Addon("mix", "name: mix\nversion: 1.0.0\nhooks:\n  - event: health_check\n    handler: mix.h\n  - event: pre_deployment\n    handler: mix.p\n");
        var host = await AddonTestHost.StartAsync(folder, TestHandler.Journaling("mix.h", []), TestHandler.Journaling("mix.p", []));

        Assert.Equal(["mix.h"], host.Registry.HooksFor(HookEvent.HealthCheck).Select(h => h.Handler));
        Assert.Empty(host.Registry.HooksFor(HookEvent.PostDeployment));
    }

    private static string Manifest(string name, params (string Handler, int? Priority)[] hooks) =>
        $"name: {name}\nversion: 1.0.0\nhooks:\n" + string.Concat(hooks.Select(h =>
            $"  - event: pre_deployment\n    handler: {h.Handler}\n" + (h.Priority is { } p ? $"    priority: {p}\n" : "")));
}
