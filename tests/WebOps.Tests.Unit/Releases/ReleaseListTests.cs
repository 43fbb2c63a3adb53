using WebOps.Core.Deployments;
using WebOps.Core.Releases;

namespace WebOps.Tests.Unit.Releases;

/// <summary>The releases list: succeeded runs only, newest first, the newest current; refusals name the run.</summary>
public sealed class ReleaseListTests
{
    private static readonly ReleaseConfig Config = new() { AppPort = 80, ProjectType = ProjectType.Static };

    [Fact]
    public void Succeeded_runs_are_releases_newest_first_and_the_newest_is_current_even_after_a_failed_run()
    {
        var runs = new[]
        {
            Run(1, "succeeded"), Run(2, "succeeded"), Run(3, "failed"),
            Run(4, "succeeded", kind: RunKind.Rollback, rollbackOf: 1), Run(5, "failed"),
        };

        var releases = Release.From(runs);

        Assert.Equal([4, 2, 1], releases.Select(r => r.Run));
        Assert.Equal([true, false, false], releases.Select(r => r.Current));
        Assert.Equal(RunKind.Rollback, releases[0].Kind);
        Assert.Equal(1, releases[0].RollbackOf);
    }

    [Fact]
    public void Refusals_say_what_is_wrong_and_name_the_run_field()
    {
        var d = new Deployment { Id = 3, Name = "blog", RepoUrl = "https://example.com/blog.git", UseDocker = true };

        Assert.Equal(new ReleaseRefusal("'blog' has no run #9; list its releases with GET /api/deployments/blog/releases.", "run"), ReleaseRefusal.Check(d, null, 9));
        Assert.Equal("run", ReleaseRefusal.Check(d, Run(4, "failed"), 4)!.Field);
        Assert.StartsWith("Run #4 of 'blog' is failed, not a release", ReleaseRefusal.Of(d, Run(4, "failed"), 4), StringComparison.Ordinal);
        Assert.StartsWith("Release #4 of 'blog' was made before WebOps kept", ReleaseRefusal.Of(d, Run(4, "succeeded", config: false), 4), StringComparison.Ordinal);
        Assert.Equal("run", ReleaseRefusal.Check(d, Run(4, "succeeded", deploymentId: 8), 4)!.Field);
        Assert.Null(ReleaseRefusal.Check(d, Run(4, "succeeded"), 4));
    }

    [Fact]
    public void A_release_that_ran_the_vllm_image_is_refused_and_one_built_from_a_dockerfile_is_not()
    {
        var d = new Deployment { Id = 3, Name = "llm", RepoUrl = "https://example.com/llm.git", UseDocker = true };
        var llm = Config with { ProjectType = ProjectType.Llm };
        var vllm = Run(4, "succeeded");
        vllm.Image = "vllm/vllm-openai:v0.6.0";
        vllm.Config = llm;
        var built = Run(5, "succeeded");
        built.Config = llm;

        Assert.Equal(
            new ReleaseRefusal("Release #4 of 'llm' ran the vLLM image, which starts from the LLM settings rather than from a built image; change the LLM settings and deploy instead.", null),
            ReleaseRefusal.Check(d, vllm, 4));
        Assert.Null(ReleaseRefusal.Check(d, built, 5));
    }

    [Fact]
    public void A_deployment_without_docker_cannot_roll_back_whatever_the_run()
    {
        var d = new Deployment { Id = 3, Name = "blog", RepoUrl = "https://example.com/blog.git", UseDocker = false };

        var refused = ReleaseRefusal.Check(d, Run(4, "succeeded"), 4)!;

        Assert.Null(refused.Field);
        Assert.Equal("Cannot roll back 'blog': it runs without Docker, so no release keeps an image to start again. Deploy the commit you want instead.", refused.Message);
    }

    [Fact]
    public void A_compose_deployment_is_refused_by_name_with_what_to_do_instead()
    {
        var d = new Deployment { Id = 3, Name = "shop", RepoUrl = "https://example.com/shop.git", Branch = "main", UseDocker = true, ComposeProject = "webops-shop_b" };
        var release = Run(4, "succeeded");
        release.Image = null;
        release.Config = Config with { ProjectType = ProjectType.Compose };
        const string Message = "Cannot roll back 'shop': it is a Docker Compose deployment, and Compose releases cannot be rolled back yet "
            + "(no release keeps its images and compose file). Revert the change on branch main and deploy again.";

        Assert.Equal(new ReleaseRefusal(Message, null), ReleaseRefusal.Check(d, release, 4));
        // A container release is refused too while a Compose project runs: starting it would leave the project running.
        Assert.Equal(new ReleaseRefusal(Message, null), ReleaseRefusal.Check(d, Run(5, "succeeded"), 5));
        // And a Compose release after the deployment moved to a single container.
        d.ComposeProject = null;
        Assert.Equal(new ReleaseRefusal(Message, null), ReleaseRefusal.Check(d, release, 4));
    }

    private static DeployRun Run(int id, string result, RunKind kind = RunKind.Deploy, int? rollbackOf = null, bool config = true, int deploymentId = 3) => new()
    {
        Id = id,
        DeploymentId = deploymentId,
        Result = result,
        Kind = kind,
        RollbackOf = rollbackOf,
        Image = $"webops/blog:deploy-{rollbackOf ?? id}",
        Config = config && result == "succeeded" ? Config : null,
    };
}
