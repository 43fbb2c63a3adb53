using WebOps.Core.Releases;

namespace WebOps.Tests.Unit.Releases;

/// <summary>Which release images the pruner keeps: the newest KeepImages releases, never fewer than current and previous.</summary>
public sealed class ReleaseRetentionTests
{
    private static readonly string[] Tags = ["app:deploy-5", "app:deploy-4", "app:deploy-3", "app:deploy-2", "app:deploy-1"];

    [Fact]
    public void The_images_of_the_newest_releases_stay_and_older_ones_go()
    {
        Assert.Equal(["app:deploy-2", "app:deploy-1"], ReleaseRetention.Removable(Tags, ["app:deploy-5", "app:deploy-4", "app:deploy-3", "app:deploy-2"], 3));
    }

    [Fact]
    public void The_current_and_previous_release_stay_even_when_the_setting_asks_for_one()
    {
        Assert.Equal(["app:deploy-5", "app:deploy-3", "app:deploy-2"], ReleaseRetention.Removable(Tags, ["app:deploy-4", "app:deploy-1", "app:deploy-5"], 1));
    }

    [Fact]
    public void After_a_rollback_the_old_image_it_runs_stays_while_a_newer_unused_one_goes()
    {
        // Runs: 1 (deploy-1), 2 (deploy-2), 3 rolled back to 1, 4 (deploy-4) now current.
        var releases = new[] { "app:deploy-4", "app:deploy-1", "app:deploy-2", "app:deploy-1" };

        Assert.Equal(["app:deploy-2"], ReleaseRetention.Removable(["app:deploy-4", "app:deploy-2", "app:deploy-1"], releases, 2));
        Assert.Empty(ReleaseRetention.Removable(["app:deploy-4", "app:deploy-2", "app:deploy-1"], releases, 3));
    }

    [Fact]
    public void Images_no_release_ran_are_removed()
    {
        Assert.Equal(["app:deploy-9"], ReleaseRetention.Removable(["app:deploy-9", "app:deploy-2"], ["app:deploy-2"], 5));
    }
}
