using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WebOps.Addons.Docker;
using WebOps.Core.Addons;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Integration.Docker;

/// <summary>The shipped addons/docker manifest against the handlers and requirement the addon registers.</summary>
public sealed class DockerAddonManifestTests
{
    [DockerFact]
    public async Task Shipped_manifest_verifies_against_the_registered_handlers_and_the_engine()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddDockerAddon(new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?> { ["Docker:Endpoint"] = DockerAvailability.Endpoint }).Build())
            .BuildServiceProvider();
        var discovery = new AddonDiscovery(new AddonOptions { Path = AddonsFolder() }, NullLogger<AddonDiscovery>.Instance);
        var verifier = new AddonVerifier(discovery, services.GetServices<IHookHandler>(), services.GetServices<IRequirementCheck>());

        var checks = await verifier.VerifyAsync("docker", default);

        Assert.All(checks, check => Assert.True(check.Passed, check.Text));
        Assert.Equal(
            [
                "manifest found: addons/docker/addon.yaml",
                "manifest valid: docker 1.0.0, 3 hooks",
                "hooks[0].handler: docker.prepare is registered",
                "hooks[1].handler: docker.build_and_run is registered",
                "hooks[2].handler: docker.health is registered",
            ],
            checks.Take(5).Select(c => c.Text));
        Assert.Matches(@"^requires docker: Docker engine \d+\.\d+\.\d+ answers at .+ \(API 1\.\d+\)$", checks[5].Text);
    }

    [Fact]
    public async Task Docker_requirement_fails_with_the_reason_when_no_engine_answers()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddDockerAddon(new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?> { ["Docker:Endpoint"] = "unix:///nonexistent/webops-test/docker.sock" }).Build())
            .BuildServiceProvider();
        var check = services.GetServices<IRequirementCheck>().Single(c => c.Name == "docker");

        var result = await check.CheckAsync(default);

        Assert.False(result.Passed);
        Assert.Equal(
            "Docker is not available: cannot reach the Docker engine at unix:///nonexistent/webops-test/docker.sock: "
            + "/nonexistent/webops-test/docker.sock does not exist. Install Docker or start the daemon.",
            result.Text);
    }

    /// <summary>The repository's addons folder, found from the test binary's folder upwards.</summary>
    private static string AddonsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "addons");
            if (File.Exists(Path.Combine(candidate, "docker", "addon.yaml")) && File.Exists(Path.Combine(dir.FullName, "WebOps.slnx")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No addons/docker/addon.yaml above {AppContext.BaseDirectory}.");
    }
}
