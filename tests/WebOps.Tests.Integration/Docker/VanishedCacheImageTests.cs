using Microsoft.AspNetCore.Http;
using WebOps.Core.Deployments;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Docker;

/// <summary>
/// The classic builder fails a build with <c>unable to find image "sha256:…"</c> when an image it was reading from
/// the build cache is removed at that moment by something else (another deploy's cleanup, a prune). The window is a
/// few microseconds, so the engine's answer is played by a proxy in front of the real engine, which does the rest.
/// </summary>
public sealed class VanishedCacheImageTests
{
    private const string Vanished = "sha256:56dff8af0a738a23892577f578b5dff2f2265ae349d53557e79082ebf18fc27d";

    [DockerFact]
    public async Task A_build_that_meets_the_cache_losing_an_image_is_built_again_and_the_app_serves()
    {
        var builds = new NumberedCalls(IsBuild);
        await using var proxy = await EngineProxy.StartAsync(builds.To((context, n) => n == 1 ? AnswerVanishedAsync(context) : Task.FromResult(false)));
        await using var kit = new DockerTestKit(new Dictionary<string, string?> { ["Docker:Endpoint"] = proxy.Endpoint });
        var deployment = kit.Deployment(port: 8080);

        var result = await DeployPageAsync(kit, deployment, $"built again {kit.Name}");

        Assert.True(result.Succeeded, result.Log.Text);
        Assert.Equal(2, builds.Count);
        Assert.Contains(result.Log.Lines, l => l.Level == DeploymentLogLevel.Warning && l.Message
            == $"The build cache lost image {Vanished} while this build read it (another image was being removed); building again.");
        Assert.Equal(2, result.Log.Lines.Count(l => l.Message.StartsWith("Step 1/", StringComparison.Ordinal)));
        Assert.Equal($"built again {kit.Name}", await DockerTestKit.GetAsync($"http://127.0.0.1:{deployment.HostPort}/"));
    }

    [DockerFact]
    public async Task Losing_an_image_twice_fails_the_deploy_with_the_engine_words_after_two_builds()
    {
        var builds = new NumberedCalls(IsBuild);
        await using var proxy = await EngineProxy.StartAsync(builds.To((context, _) => AnswerVanishedAsync(context)));
        await using var kit = new DockerTestKit(new Dictionary<string, string?> { ["Docker:Endpoint"] = proxy.Endpoint });

        var result = await DeployPageAsync(kit, kit.Deployment(port: 8080), "never served");

        Assert.False(result.Succeeded);
        Assert.Equal(2, builds.Count);
        Assert.StartsWith(
            $"Addon 'docker' failed in post_deployment: Build of '{kit.Name}' failed at Step 2/2 : COPY site/ /www/: unable to find image \"{Vanished}\"",
            result.Failure,
            StringComparison.Ordinal);
        Assert.Empty(await kit.LabelledContainersAsync());
        Assert.Empty(await kit.LabelledImagesAsync());
    }

    /// <summary>Docker:BuildTimeout spans the second build too: a build that then hangs ends the deploy at the limit.</summary>
    [DockerFact]
    public async Task A_second_build_that_hangs_ends_at_the_build_time_limit_and_leaves_no_image()
    {
        var builds = new NumberedCalls(IsBuild);
        await using var proxy = await EngineProxy.StartAsync(builds.To((context, n) => n == 1 ? AnswerVanishedAsync(context) : HangAsync(context)));
        await using var kit = new DockerTestKit(new Dictionary<string, string?>
        {
            ["Docker:Endpoint"] = proxy.Endpoint,
            ["Docker:BuildTimeout"] = "00:00:03",
        });

        var result = await DeployPageAsync(kit, kit.Deployment(port: 8080), "never served");

        Assert.False(result.Succeeded);
        Assert.Equal(2, builds.Count);
        Assert.Equal(
            $"Addon 'docker' failed in post_deployment: Build of '{kit.Name}' timed out after 3 s; raise Docker:BuildTimeout or make the build faster.",
            result.Failure);
        Assert.Empty(await kit.LabelledContainersAsync());
        Assert.Empty(await kit.LabelledImagesAsync());
    }

    /// <summary>Deploys a one-page site whose Dockerfile copies it onto the test busybox image: two steps, as the answers below tell.</summary>
    private static Task<KitDeploy> DeployPageAsync(DockerTestKit kit, Deployment deployment, string page)
    {
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY site/ /www/\n");
        kit.WriteFile("site/index.html", page);
        return kit.DeployAsync(deployment, DockerfileSourceTests.Detected(ProjectType.Static));
    }

    /// <summary>A build that starts and then never answers again, until the panel gives up on it.</summary>
    private static async Task<bool> HangAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        await context.Response.WriteAsync($"{{\"stream\":\"Step 1/2 : FROM {TestImages.Busybox}\\n\"}}\r\n");
        await context.Response.Body.FlushAsync();
        await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        return true;
    }

    /// <summary>What the engine answers then: the first step, the second step's line, and the error in the stream.</summary>
    private static async Task<bool> AnswerVanishedAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.ContentType = "application/json";
        var error = $"unable to find image \\\"{Vanished}\\\"";
        await context.Response.WriteAsync(
            $"{{\"stream\":\"Step 1/2 : FROM {TestImages.Busybox}\\n\"}}\r\n"
            + "{\"stream\":\" ---\\u003e 7575b1c78e09\\n\"}\r\n"
            + "{\"stream\":\"Step 2/2 : COPY site/ /www/\\n\"}\r\n"
            + $"{{\"errorDetail\":{{\"message\":\"{error}\"}},\"error\":\"{error}\"}}\r\n");
        return true;
    }

    private static bool IsBuild(HttpContext context) =>
        context.Request.Method == "POST" && context.Request.Path.Value!.EndsWith("/build", StringComparison.Ordinal);
}
