using Microsoft.Extensions.Logging.Abstractions;
using WebOps.Core.Addons;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Addons;

public class VerifierTests
{
    [Fact]
    public async Task Healthy_addon_passes_every_line_and_exits_zero()
    {
        using var folder = new AddonFolder();
        folder.Addon("docker", """
            name: docker
            version: 1.0.0
            requires: [docker]
            hooks:
              - event: pre_deployment
                handler: docker.prepare
                priority: 50
              - event: post_deployment
                run: hooks/after.sh
            """);
        folder.Script("docker", "hooks/after.sh", "exit 0\n");
        var verifier = Verifier(folder, ["docker.prepare"], new FixedRequirement("docker", true, "Docker Engine 20.10.24 (API 1.41)"));

        var checks = await verifier.VerifyAsync("docker", CancellationToken.None);

        Assert.Equal(
            """
            ✓ manifest found: addons/docker/addon.yaml
            ✓ manifest valid: docker 1.0.0, 2 hooks
            ✓ hooks[1].run: hooks/after.sh is present and executable
            ✓ hooks[0].handler: docker.prepare is registered
            ✓ requires docker: Docker Engine 20.10.24 (API 1.41)

            """,
            VerifyReport.Format(checks));
        Assert.Equal(0, VerifyReport.ExitCode(checks));
    }

    [Fact]
    public async Task Problems_each_get_a_failed_line_and_exit_one()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", """
            name: slack
            version: 1.0.0
            requires: [docker, gpu]
            hooks:
              - event: pre_deployment
                handler: slack.missing
              - event: post_deployment
                run: notify.sh
              - event: health_check
                priority: soon
                handler: slack.missing
            """);
        folder.File("slack", "notify.sh", "#!/bin/sh\n");
        var verifier = Verifier(folder, [], new FixedRequirement("docker", false, "cannot reach /var/run/docker.sock: connection refused"));

        var checks = await verifier.VerifyAsync("slack", CancellationToken.None);

        Assert.Equal(
            """
            ✓ manifest found: addons/slack/addon.yaml
            ✗ manifest valid: 1 error
            ✗ addons/slack/addon.yaml: hooks[2].priority: should be an integer
            ✗ hooks[1].run: 'notify.sh' is not executable (chmod +x it)
            ✗ hooks[0].handler: no built-in handler named 'slack.missing'
            ✗ requires docker: cannot reach /var/run/docker.sock: connection refused
            ✗ requires gpu: unknown requirement (known: docker)

            """,
            VerifyReport.Format(checks));
        Assert.Equal(1, VerifyReport.ExitCode(checks));
    }

    [Fact]
    public async Task Missing_folder_or_manifest_fails_the_first_line()
    {
        using var folder = new AddonFolder();
        folder.File("slack", "addon.json", "{}");
        var verifier = Verifier(folder, []);

        var missing = await verifier.VerifyAsync("nope", CancellationToken.None);
        var json = await verifier.VerifyAsync("slack", CancellationToken.None);

        Assert.Equal([new VerifyCheck(false, $"manifest found: no addon folder named 'nope' in {folder.Root}")], missing);
        Assert.Equal(
            [new VerifyCheck(false, "manifest found: addons/slack: found addon.json, but manifests must be YAML: rename it to addon.yaml and write it in YAML.")],
            json);
        Assert.Equal(1, VerifyReport.ExitCode(json));
    }

    [Fact]
    public async Task Verify_reads_the_disk_so_a_fix_shows_before_a_restart()
    {
        using var folder = new AddonFolder();
        folder.Addon("slack", "name: slack\nversion: 1.0\n");
        var verifier = Verifier(folder, []);
        var before = await verifier.VerifyAsync("slack", CancellationToken.None);

        folder.Addon("slack", "name: slack\nversion: 1.0.0\n");
        var after = await verifier.VerifyAsync("slack", CancellationToken.None);

        Assert.Equal(1, VerifyReport.ExitCode(before));
        Assert.Equal("✓ manifest found: addons/slack/addon.yaml\n✓ manifest valid: slack 1.0.0, 0 hooks\n", VerifyReport.Format(after));
    }

    [Fact]
    public async Task Requirement_check_that_throws_is_a_failed_line()
    {
        using var folder = new AddonFolder();
        folder.Addon("docker", "name: docker\nversion: 1.0.0\nrequires: [docker]\n");
        var verifier = Verifier(folder, [], new ThrowingRequirement());

        var checks = await verifier.VerifyAsync("docker", CancellationToken.None);

        Assert.Equal(new VerifyCheck(false, "requires docker: the check failed: daemon not installed"), checks[^1]);
    }

    private static AddonVerifier Verifier(AddonFolder folder, string[] handlers, params IRequirementCheck[] requirements) =>
        new(
            new AddonDiscovery(new AddonOptions { Path = folder.Root }, NullLogger<AddonDiscovery>.Instance),
            handlers.Select(h => (IHookHandler)TestHandler.Journaling(h, [])).ToList(),
            requirements);

    private sealed class FixedRequirement(string name, bool passed, string text) : IRequirementCheck
    {
        public string Name => name;

        public Task<VerifyCheck> CheckAsync(CancellationToken ct) => Task.FromResult(new VerifyCheck(passed, text));
    }

    private sealed class ThrowingRequirement : IRequirementCheck
    {
        public string Name => "docker";

        public Task<VerifyCheck> CheckAsync(CancellationToken ct) => throw new InvalidOperationException("daemon not installed");
    }
}
