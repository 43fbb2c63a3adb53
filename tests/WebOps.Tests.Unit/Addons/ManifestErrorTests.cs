using WebOps.Core.Addons;

namespace WebOps.Tests.Unit.Addons;

public class ManifestErrorTests
{
    private const string Head = "name: slack\nversion: 1.0.0\n";

    [Theory]
    [InlineData(Head + "hooks:\n  - event: pre_deploy\n    handler: good.ok\n",
        "addons/slack/addon.yaml: hooks[0].event: unknown event 'pre_deploy' (expected pre_deployment, post_deployment or health_check)")]
    [InlineData(Head + "colour: blue\n",
        "addons/slack/addon.yaml: unknown key 'colour' (allowed: name, version, description, author, requires, secrets, hooks)")]
    [InlineData(Head + "hooks:\n  - event: pre_deployment\n    handler: good.ok\n  - event: post_deployment\n    priority: high\n    handler: good.ok\n",
        "addons/slack/addon.yaml: hooks[1].priority: should be an integer")]
    [InlineData(Head + "hooks:\n  - event: pre_deployment\n    priority: \"10\"\n    handler: good.ok\n",
        "addons/slack/addon.yaml: hooks[0].priority: should be an integer")]
    [InlineData(Head + "hooks:\n  - event: pre_deployment\n    handler: good.ok\n    run: hook.sh\n",
        "addons/slack/addon.yaml: hooks[0]: give exactly one of 'handler' or 'run'")]
    [InlineData(Head + "hooks:\n  - event: pre_deployment\n",
        "addons/slack/addon.yaml: hooks[0]: give exactly one of 'handler' or 'run'")]
    [InlineData(Head + "hooks:\n  - event: pre_deployment\n    run: hook.sh\n",
        "addons/slack/addon.yaml: hooks[0].run: 'hook.sh' not found in the addon folder")]
    [InlineData(Head + "hooks:\n  - event: pre_deployment\n    run: ../x.sh\n",
        "addons/slack/addon.yaml: hooks[0].run: '../x.sh' escapes the addon folder")]
    [InlineData(Head + "hooks:\n  - event: pre_deployment\n    run: /bin/true\n",
        "addons/slack/addon.yaml: hooks[0].run: '/bin/true' should be a path relative to the addon folder")]
    [InlineData("name: Slack\nversion: 1.0.0\n",
        "addons/slack/addon.yaml: name: 'Slack' does not match folder 'slack'")]
    [InlineData("version: 1.0.0\n",
        "addons/slack/addon.yaml: name: is required (the folder name, 'slack')")]
    [InlineData("name: slack\nversion: 1.0\n",
        "addons/slack/addon.yaml: version: '1.0' is not a semantic version (expected MAJOR.MINOR.PATCH such as 1.0.0, optionally with -prerelease or +build)")]
    [InlineData("name: slack\nversion: 01.2.3\n",
        "addons/slack/addon.yaml: version: '01.2.3' is not a semantic version (expected MAJOR.MINOR.PATCH such as 1.0.0, optionally with -prerelease or +build)")]
    [InlineData("name: slack\n",
        "addons/slack/addon.yaml: version: is required (a semantic version such as 1.0.0)")]
    [InlineData(Head + "hooks:\n  - event: pre_deployment\n    handler: good.ok\n    when: always\n",
        "addons/slack/addon.yaml: hooks[0]: unknown key 'when' (allowed: event, priority, handler, run, timeout, always)")]
    [InlineData(Head + "hooks:\n  - event: pre_deployment\n    handler: good.ok\n    timeout: 5x\n",
        "addons/slack/addon.yaml: hooks[0].timeout: '5x' is not a duration (use 500ms, 30s, 2m, 1h or a number of seconds)")]
    [InlineData(Head + "hooks:\n  - event: pre_deployment\n    handler: good.ok\n    timeout: 2h\n",
        "addons/slack/addon.yaml: hooks[0].timeout: 2h is over the 1h maximum")]
    [InlineData(Head + "hooks:\n  - event: pre_deployment\n    handler: good.ok\n    always: true\n",
        "addons/slack/addon.yaml: hooks[0].always: only post_deployment hooks can set it")]
    [InlineData(Head + "secrets: yes\n",
        "addons/slack/addon.yaml: secrets: should be true or false")]
    [InlineData(Head + "requires: docker\n",
        "addons/slack/addon.yaml: requires: should be a list of names, e.g. [docker]")]
    [InlineData(Head + "name: slack\n",
        "addons/slack/addon.yaml: key 'name' appears twice (line 3)")]
    [InlineData(Head + "hooks: pre_deployment\n",
        "addons/slack/addon.yaml: hooks: should be a list of hooks (each with event and handler or run)")]
    [InlineData("- name: slack\n",
        "addons/slack/addon.yaml: the manifest should be a mapping of keys (name, version, hooks, ...)")]
    [InlineData("",
        "addons/slack/addon.yaml: the manifest is empty (name, version and hooks are expected)")]
    [InlineData(Head + "description: 'unterminated\n",
        "addons/slack/addon.yaml: line 3, column 14: bad YAML: While scanning a quoted scalar, found unexpected end of stream.")]
    [InlineData(Head + "hooks: [\n",
        "addons/slack/addon.yaml: line 4, column 1: bad YAML: While parsing a node, did not find expected node content.")]
    [InlineData(Head + "hooks: [pre\nauthor: me\n",
        "addons/slack/addon.yaml: line 3, column 8: bad YAML: unterminated or malformed flow collection near here")]
    [InlineData(Head + "---\nname: other\n",
        "addons/slack/addon.yaml: line 3, column 1: the manifest must hold a single YAML document")]
    public async Task Broken_manifest_is_listed_invalid_with_its_path_prefixed_error_while_others_load(string yaml, string expected)
    {
        using var folder = FolderWithGoodAddon();
        folder.Addon("slack", yaml);

        var (slack, good) = await DiscoverPair(folder);

        Assert.Equal([expected], slack.Errors);
        Assert.False(slack.IsValid);
        Assert.True(good.IsValid, string.Join("\n", good.Errors));
    }

    [Theory]
    [InlineData("addon.json", "{\"name\": \"slack\"}", "addons/slack: found addon.json, but manifests must be YAML: rename it to addon.yaml and write it in YAML.")]
    [InlineData("addon.yml", "name: slack\n", "addons/slack: found addon.yml; the manifest must be named addon.yaml.")]
    [InlineData("README.md", "# slack\n", "addons/slack: no addon.yaml found (required).")]
    public async Task Folder_without_addon_yaml_is_reported_with_what_to_rename(string file, string content, string expected)
    {
        using var folder = FolderWithGoodAddon();
        folder.File("slack", file, content);

        var (slack, good) = await DiscoverPair(folder);

        Assert.Equal([expected], slack.Errors);
        Assert.Empty(slack.Hooks);
        Assert.True(good.IsValid);
    }

    [Fact]
    public async Task Every_error_of_a_manifest_is_reported_not_only_the_first()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", "name: slack\nversion: one\nhooks:\n  - event: pre_deploy\n    handler: x\n  - event: health_check\n    priority: 1.5\n    run: nope.sh\n");

        var slack = Assert.Single(await DiscoveryTests.Discover(folder));

        Assert.Equal(
            [
                "addons/slack/addon.yaml: version: 'one' is not a semantic version (expected MAJOR.MINOR.PATCH such as 1.0.0, optionally with -prerelease or +build)",
                "addons/slack/addon.yaml: hooks[0].event: unknown event 'pre_deploy' (expected pre_deployment, post_deployment or health_check)",
                "addons/slack/addon.yaml: hooks[1].priority: should be an integer",
                "addons/slack/addon.yaml: hooks[1].run: 'nope.sh' not found in the addon folder",
            ],
            slack.Errors);
    }

    internal static AddonFolder FolderWithGoodAddon()
    {
        var folder = new AddonFolder();
        folder.Addon("good", "name: good\nversion: 1.0.0\nhooks:\n  - event: pre_deployment\n    handler: good.ok\n");
        return folder;
    }

    internal static async Task<(DiscoveredAddon Slack, DiscoveredAddon Good)> DiscoverPair(AddonFolder folder)
    {
        var host = await AddonTestHost.StartAsync(folder, TestHandler.Journaling("good.ok", []));
        return (host.Registry.Addons.Single(a => a.Name == "slack"), host.Registry.Addons.Single(a => a.Name == "good"));
    }
}
