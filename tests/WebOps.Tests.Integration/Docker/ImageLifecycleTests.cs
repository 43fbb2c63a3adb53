using WebOps.Core.Deployments;

namespace WebOps.Tests.Integration.Docker;

/// <summary>Images across deploys: cached dependency layers, immutable per-deploy tags, pruning.</summary>
public sealed class ImageLifecycleTests
{
    [DockerFact]
    public async Task Redeploy_after_a_code_only_change_reuses_the_dependency_layer()
    {
        await using var kit = new DockerTestKit();
        DjangoProject.WriteTo(kit, "first version");
        var deployment = kit.Deployment(port: 8000, d => d.ProjectType = ProjectType.Django);
        var first = await kit.DeployAsync(deployment, DjangoProject.Detection);
        Assert.True(first.Succeeded, first.Log.Text);

        DjangoProject.WriteGreeting(kit, "second version");
        var second = await kit.DeployAsync(deployment, DjangoProject.Detection, runId: 2);

        Assert.True(second.Succeeded, second.Log.Text);
        var lines = second.Log.Lines.Select(l => l.Message).ToList();
        var pipStep = lines.FindIndex(l => l.StartsWith("Step ", StringComparison.Ordinal) && l.Contains("pip install", StringComparison.Ordinal));
        Assert.True(pipStep >= 0, second.Log.Text);
        Assert.Equal(" ---> Using cache", lines[pipStep + 1]);
        Assert.Equal("second version", await DockerTestKit.GetAsync(second.Container.Url!));
        Assert.Equal($"webops/{kit.Name}:deploy-2", second.Container.Image);
    }

    [DockerFact]
    public async Task Pruning_keeps_the_newest_three_deploy_images()
    {
        await using var kit = new DockerTestKit(new Dictionary<string, string?> { ["Docker:KeepImages"] = "3" });
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY site/ /www/\n");
        var deployment = kit.Deployment(port: 8080);
        for (var run = 1; run <= 5; run++)
        {
            kit.WriteFile("site/index.html", $"version {run}");
            var result = await kit.DeployAsync(deployment, DockerfileSourceTests.Detected(ProjectType.Static), runId: run);
            Assert.True(result.Succeeded, result.Log.Text);
        }

        var tags = (await kit.LabelledImagesAsync()).SelectMany(i => i.RepoTags ?? []).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            [$"webops/{kit.Name}:deploy-3", $"webops/{kit.Name}:deploy-4", $"webops/{kit.Name}:deploy-5", $"webops/{kit.Name}:latest"],
            tags);
        Assert.Equal("version 5", await DockerTestKit.GetAsync($"http://127.0.0.1:{deployment.HostPort}/"));
    }

    /// <summary>The engine makes a build step of every label given as a build parameter; the run's three take one.</summary>
    [DockerFact]
    public async Task A_build_labels_its_image_with_the_run_in_one_step()
    {
        await using var kit = new DockerTestKit();
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY site/ /www/");
        kit.WriteFile("site/index.html", "labelled");
        var deployment = kit.Deployment(port: 8080);

        var result = await kit.DeployAsync(deployment, DockerfileSourceTests.Detected(ProjectType.Static), runId: 7);

        Assert.True(result.Succeeded, result.Log.Text);
        var labelSteps = result.Log.Lines.Select(l => l.Message)
            .Where(m => m.StartsWith("Step ", StringComparison.Ordinal) && m.Contains(" : LABEL ", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"Step 3/3 : LABEL webops.deployment={kit.Name} webops.deploy_id=7 webops.managed=true"], labelSteps);
        var image = (await kit.LabelledImagesAsync()).Single(i => (i.RepoTags ?? []).Contains($"webops/{kit.Name}:deploy-7"));
        Assert.Equal(
            [$"webops.deploy_id=7", $"webops.deployment={kit.Name}", "webops.managed=true"],
            image.Labels.Where(l => l.Key.StartsWith("webops.", StringComparison.Ordinal)).Select(l => $"{l.Key}={l.Value}").Order(StringComparer.Ordinal));
        Assert.Equal("labelled", await DockerTestKit.GetAsync($"http://127.0.0.1:{deployment.HostPort}/"));
    }
}
