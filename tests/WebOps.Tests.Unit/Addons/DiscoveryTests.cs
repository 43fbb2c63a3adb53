using System.Security.Cryptography;
using WebOps.Core.Addons;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Addons;

public class DiscoveryTests
{
    private const string DockerManifest = """
        name: docker
        version: 1.0.0
        description: Builds an image and runs the app in a container
        author: WebOps
        requires: [docker]
        hooks:
          - event: pre_deployment
            handler: docker.prepare
            priority: 50
          - event: post_deployment
            handler: docker.build_and_run
            priority: 50
          - event: health_check
            handler: docker.health
            priority: 50
        """;

    [Fact]
    public async Task Valid_manifest_is_discovered_with_every_field()
    {
        using var folder = new AddonFolder();
        var manifest = folder.Addon("docker", DockerManifest);

        var addons = await Discover(folder);

        var docker = Assert.Single(addons);
        Assert.Empty(docker.Errors);
        Assert.True(docker.IsValid);
        Assert.Equal(("docker", "1.0.0", "Builds an image and runs the app in a container", "WebOps"), (docker.Name, docker.Version, docker.Description, docker.Author));
        Assert.Equal(["docker"], docker.Requires);
        Assert.False(docker.Secrets);
        Assert.Equal(folder.Folder("docker"), docker.Folder);
        Assert.Equal(manifest, docker.ManifestPath);
        Assert.Equal("addons/docker/addon.yaml", docker.DisplayPath);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(manifest))), docker.Checksum);
        Assert.Equal(
            [
                (HookEvent.PreDeployment, "docker.prepare", 50, 0),
                (HookEvent.PostDeployment, "docker.build_and_run", 50, 1),
                (HookEvent.HealthCheck, "docker.health", 50, 2),
            ],
            docker.Hooks.Select(h => (h.Event, h.Handler!, h.Priority, h.Ordinal)).ToList());
        Assert.All(docker.Hooks, h => Assert.Equal(TimeSpan.FromSeconds(60), h.Timeout));
        Assert.All(docker.Hooks, h => Assert.Equal("docker", h.Addon));
    }

    [Fact]
    public async Task Hook_defaults_and_run_paths_resolve_inside_the_addon_folder()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", """
            name: slack
            version: 2.1.0-beta.1+build.7
            secrets: true
            hooks:
              - event: post_deployment
                run: hooks/notify.sh
                timeout: 500ms
                always: true
              - event: health_check
                run: ./hooks/notify.sh
                timeout: 90
            """);
        var script = folder.Script("slack", "hooks/notify.sh", "exit 0\n");

        var slack = Assert.Single(await Discover(folder));

        Assert.Empty(slack.Errors);
        Assert.True(slack.Secrets);
        Assert.Equal("", slack.Description);
        var post = slack.Hooks[0];
        Assert.Equal((100, script, "hooks/notify.sh", TimeSpan.FromMilliseconds(500), true), (post.Priority, post.Run, post.RunRelative, post.Timeout, post.Always));
        Assert.Equal((script, TimeSpan.FromSeconds(90), false), (slack.Hooks[1].Run, slack.Hooks[1].Timeout, slack.Hooks[1].Always));
    }

    [Fact]
    public async Task Default_hook_timeout_comes_from_the_options()
    {
        using var folder = new AddonFolder();
        folder.Addon("docker", DockerManifest);
        var options = new AddonOptions { Path = folder.Root, DefaultHookTimeout = TimeSpan.FromSeconds(5) };

        var addons = await new AddonDiscovery(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<AddonDiscovery>.Instance)
            .DiscoverAsync(CancellationToken.None);

        Assert.All(addons.Single().Hooks, h => Assert.Equal(TimeSpan.FromSeconds(5), h.Timeout));
    }

    [Fact]
    public async Task Extra_paths_are_scanned_after_the_main_folder_and_hidden_folders_are_skipped()
    {
        using var folder = new AddonFolder();
        folder.Addon("zeta", "name: zeta\nversion: 1.0.0\n");
        folder.Addon("alpha", "name: alpha\nversion: 1.0.0\n");
        folder.File(".git", "HEAD", "ref: main\n");
        var extra = Path.Combine(folder.Base, "more");
        Directory.CreateDirectory(Path.Combine(extra, "beta"));
        File.WriteAllText(Path.Combine(extra, "beta", "addon.yaml"), "name: beta\nversion: 0.1.0\n");
        var options = new AddonOptions { Path = folder.Root, ExtraPaths = [extra, Path.Combine(folder.Base, "missing")] };

        var addons = await new AddonDiscovery(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<AddonDiscovery>.Instance)
            .DiscoverAsync(CancellationToken.None);

        Assert.Equal(["alpha", "zeta", "beta"], addons.Select(a => a.Name));
        Assert.Equal("more/beta/addon.yaml", addons[2].DisplayPath);
        Assert.All(addons, a => Assert.True(a.IsValid));
    }

    internal static Task<IReadOnlyList<DiscoveredAddon>> Discover(AddonFolder folder) =>
        new AddonTestHost(folder).Discovery.DiscoverAsync(CancellationToken.None);
}
