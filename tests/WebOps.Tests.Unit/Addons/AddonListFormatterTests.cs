using WebOps.Core.Addons;

namespace WebOps.Tests.Unit.Addons;

public class AddonListFormatterTests
{
    [Fact]
    public async Task List_shows_state_errors_and_with_hooks_each_hook()
    {
        using var folder = new AddonFolder();
        folder.Addon("docker", """
            name: docker
            version: 1.0.0
            description: Runs apps in containers
            hooks:
              - event: pre_deployment
                handler: docker.prepare
                priority: 50
              - event: post_deployment
                run: hooks/after.sh
                timeout: 2m
                always: true
            """);
        folder.Script("docker", "hooks/after.sh", "exit 0\n");
        folder.Addon("slack", "name: slack\nversion: 0.3.1\n");
        folder.File("zz", "addon.yml", "name: zz\n");
        var host = await AddonTestHost.StartAsync(folder, TestHandler.Journaling("docker.prepare", []));
        await host.Registry.SetEnabledAsync("slack", false, CancellationToken.None);

        var text = AddonListFormatter.Format(host.Registry.Addons, host.Registry.IsEnabled, withHooks: true);

        Assert.Equal(
            """
            docker  1.0.0       enabled   Runs apps in containers
                pre_deployment   priority 50    timeout 1m     handler docker.prepare
                post_deployment  priority 100   timeout 2m     run hooks/after.sh  always
            slack   0.3.1       disabled
            zz      -           invalid
                error: addons/zz: found addon.yml; the manifest must be named addon.yaml.

            """,
            text);
    }

    [Fact]
    public void Empty_list_says_so() =>
        Assert.Equal("No addons found.\n", AddonListFormatter.Format([], _ => true, withHooks: false));
}
