using WebOps.Core.Addons;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Addons;

public class ManifestSafetyTests
{
    [Fact]
    public async Task Alias_bomb_is_refused_at_the_first_anchor_without_expanding()
    {
        using var folder = ManifestErrorTests.FolderWithGoodAddon();
        var bomb = "name: slack\nversion: 1.0.0\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            + string.Concat(Enumerable.Range(1, 9).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(",", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 9))}]\n"));
        folder.Addon("slack", bomb);

        var (slack, good) = await ManifestErrorTests.DiscoverPair(folder);

        Assert.Equal(["addons/slack/addon.yaml: line 3, column 4: YAML aliases are not allowed (anchor '&a')"], slack.Errors);
        Assert.True(good.IsValid);
    }

    [Fact]
    public async Task Alias_in_a_hook_is_refused_even_without_its_anchor()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", "name: slack\nversion: 1.0.0\nhooks:\n  - event: pre_deployment\n    handler: *h\n");

        var slack = Assert.Single(await DiscoveryTests.Discover(folder));

        Assert.Equal(["addons/slack/addon.yaml: line 5, column 14: YAML aliases are not allowed (alias '*h')"], slack.Errors);
    }

    [Fact]
    public async Task Manifest_over_64_KiB_is_refused_before_parsing()
    {
        using var folder = ManifestErrorTests.FolderWithGoodAddon();
        folder.Addon("slack", "name: slack\nversion: 1.0.0\ndescription: " + new string('x', 70_000) + "\n");

        var (slack, good) = await ManifestErrorTests.DiscoverPair(folder);

        Assert.Equal(["addons/slack/addon.yaml: the manifest is 70041 bytes, over the 65536 byte (64 KiB) limit; keep it short and put scripts in files beside it"], slack.Errors);
        Assert.True(good.IsValid);
    }

    [Fact]
    public async Task Deep_nesting_is_refused_instead_of_recursing()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", "name: slack\nversion: 1.0.0\ndescription: " + new string('[', 5000) + new string(']', 5000) + "\n");

        var slack = Assert.Single(await DiscoveryTests.Discover(folder));

        Assert.Equal(["addons/slack/addon.yaml: line 3, column 45: nesting deeper than 32 levels is not allowed"], slack.Errors);
    }

    [Fact]
    public async Task Run_through_a_symlink_to_a_file_outside_the_folder_is_refused()
    {
        using var folder = ManifestErrorTests.FolderWithGoodAddon();
        folder.Addon("slack", "name: slack\nversion: 1.0.0\nhooks:\n  - event: pre_deployment\n    run: hooks/evil.sh\n");
        var outside = Path.Combine(folder.Base, "outside.sh");
        File.WriteAllText(outside, "#!/bin/sh\n");
        Directory.CreateDirectory(Path.Combine(folder.Folder("slack"), "hooks"));
        File.CreateSymbolicLink(Path.Combine(folder.Folder("slack"), "hooks", "evil.sh"), outside);

        var (slack, good) = await ManifestErrorTests.DiscoverPair(folder);

        Assert.Equal(["addons/slack/addon.yaml: hooks[0].run: 'hooks/evil.sh' escapes the addon folder"], slack.Errors);
        Assert.True(good.IsValid);
    }

    [Fact]
    public async Task Run_through_a_symlinked_directory_outside_the_folder_is_refused()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", "name: slack\nversion: 1.0.0\nhooks:\n  - event: pre_deployment\n    run: bin/hook.sh\n");
        var outside = Directory.CreateDirectory(Path.Combine(folder.Base, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(outside, "hook.sh"), "#!/bin/sh\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Folder("slack"), "bin"), "../../elsewhere");

        var slack = Assert.Single(await DiscoveryTests.Discover(folder));

        Assert.Equal(["addons/slack/addon.yaml: hooks[0].run: 'bin/hook.sh' escapes the addon folder"], slack.Errors);
    }

    [Fact]
    public async Task Symlink_that_stays_inside_the_folder_is_accepted()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", "name: slack\nversion: 1.0.0\nhooks:\n  - event: pre_deployment\n    run: current.sh\n");
        folder.Script("slack", "scripts/v2.sh", "exit 0\n");
        File.CreateSymbolicLink(Path.Combine(folder.Folder("slack"), "current.sh"), "scripts/v2.sh");

        var slack = Assert.Single(await DiscoveryTests.Discover(folder));

        Assert.Empty(slack.Errors);
        Assert.Equal(Path.Combine(folder.Folder("slack"), "current.sh"), slack.Hooks[0].Run);
    }

    [Fact]
    public async Task Second_addon_with_the_same_name_is_invalid_and_names_the_first()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", "name: slack\nversion: 1.0.0\nhooks:\n  - event: pre_deployment\n    handler: good.ok\n");
        var extra = Path.Combine(folder.Base, "extra");
        Directory.CreateDirectory(Path.Combine(extra, "slack"));
        File.WriteAllText(Path.Combine(extra, "slack", "addon.yaml"), "name: slack\nversion: 2.0.0\nhooks:\n  - event: pre_deployment\n    handler: good.ok\n");
        var journal = new List<string>();
        var host = new AddonTestHost(folder, [TestHandler.Journaling("good.ok", journal)]);
        var registry = new AddonRegistry(
            new AddonDiscovery(host.Options with { ExtraPaths = [extra] }, Microsoft.Extensions.Logging.Abstractions.NullLogger<AddonDiscovery>.Instance),
            host.Handlers, host.Store, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<AddonRegistry>.Instance);

        await registry.InitializeAsync(CancellationToken.None);

        Assert.Equal(2, registry.Addons.Count);
        Assert.True(registry.Addons[0].IsValid);
        Assert.Equal([$"extra/slack/addon.yaml: duplicate addon name 'slack' (already loaded from {folder.Folder("slack")})"], registry.Addons[1].Errors);
        Assert.Equal(["1.0.0"], registry.HooksFor(HookEvent.PreDeployment).Select(h => registry.Find(h.Addon)!.Version));
    }

    [Fact]
    public async Task Unregistered_handler_makes_the_addon_invalid_at_startup()
    {
        using var folder = ManifestErrorTests.FolderWithGoodAddon();
        folder.Addon("slack", "name: slack\nversion: 1.0.0\nhooks:\n  - event: pre_deployment\n    handler: docker.nope\n");

        var (slack, good) = await ManifestErrorTests.DiscoverPair(folder);

        Assert.Equal(["addons/slack/addon.yaml: hooks[0].handler: no built-in handler named 'docker.nope'"], slack.Errors);
        Assert.True(good.IsValid);
    }
}
