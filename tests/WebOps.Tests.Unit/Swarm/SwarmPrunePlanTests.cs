using WebOps.Addons.Docker.Swarm.Services;

namespace WebOps.Tests.Unit.Swarm;

public class SwarmPrunePlanTests
{
    private const string Registry = "10.0.0.1:5000/webops/blog";
    private const string Local = "webops/blog";

    /// <summary>Both tags every swarm deploy leaves on the manager for runs 1 to 5, plus the app's own latest tag.</summary>
    private static readonly string[] Tags =
        [.. Enumerable.Range(1, 5).SelectMany(run => new[] { $"{Registry}:deploy-{run}", $"{Local}:deploy-{run}" }), $"{Local}:latest"];

    private static string Pinned(int run) => $"{Registry}:deploy-{run}@sha256:{run}";

    [Fact]
    public void Both_tags_of_runs_no_kept_release_runs_go_and_the_current_and_previous_release_stay()
    {
        var removable = SwarmPrunePlan.Removable(Tags, Registry, Local, Pinned(5), [Pinned(4), Pinned(3), Pinned(2), Pinned(1)], keep: 1);

        Assert.Equal(
            [
                $"{Registry}:deploy-1", $"{Local}:deploy-1",
                $"{Registry}:deploy-2", $"{Local}:deploy-2",
                $"{Registry}:deploy-3", $"{Local}:deploy-3",
            ],
            removable);
    }

    [Fact]
    public void After_a_rollback_the_run_it_went_back_to_and_the_release_before_stay()
    {
        // Releases newest first: the rollback to run 2, then run 5, 4, 3, 2, 1.
        var removable = SwarmPrunePlan.Removable(Tags, Registry, Local, Pinned(2), [Pinned(5), Pinned(4), Pinned(3), Pinned(2), Pinned(1)], keep: 3);

        // Kept: the three newest releases, runs 2, 5 and 4.
        Assert.Equal([$"{Registry}:deploy-1", $"{Local}:deploy-1", $"{Registry}:deploy-3", $"{Local}:deploy-3"], removable);
    }

    [Fact]
    public void Outside_a_deploy_the_newest_runs_count_as_the_releases()
    {
        var removable = SwarmPrunePlan.Removable(Tags, Registry, Local, Pinned(5), earlierReleases: null, keep: 2);

        Assert.Equal(
            [$"{Registry}:deploy-1", $"{Local}:deploy-1", $"{Registry}:deploy-2", $"{Local}:deploy-2", $"{Registry}:deploy-3", $"{Local}:deploy-3"],
            removable);
    }

    [Fact]
    public void Tags_of_other_repositories_never_go()
    {
        var removable = SwarmPrunePlan.Removable(
            ["10.0.0.1:5000/webops/blog2:deploy-1", "other/blog:deploy-1", $"{Local}:v1"], Registry, Local, Pinned(9), [Pinned(8)], keep: 1);

        Assert.Empty(removable);
    }
}
