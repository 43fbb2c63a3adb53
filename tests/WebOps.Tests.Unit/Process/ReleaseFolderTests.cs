using WebOps.Addons.Process;
using WebOps.Addons.Process.Build;

namespace WebOps.Tests.Unit.ProcessAddon;

public sealed class ReleaseFolderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("webops-releases-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void The_release_holding_an_app_folder_is_the_folder_directly_under_the_app_root()
    {
        Assert.Equal(Path.Combine(root, "release-7"), ReleaseFolder.Holding(root, Path.Combine(root, "release-7", "src", "site")));
        Assert.Equal(Path.Combine(root, "release-7"), ReleaseFolder.Holding(root, Path.Combine(root, "release-7")));
        Assert.Equal(Path.Combine(root, "current"), ReleaseFolder.Holding(root, Path.Combine(root, "current", ".")));
        Assert.Null(ReleaseFolder.Holding(root, Path.Combine(root, "venv", "bin")));
        Assert.Null(ReleaseFolder.Holding(root, "/srv/elsewhere/release-7"));
        Assert.Null(ReleaseFolder.Holding(root, Path.Combine(root, "release-7", "..", "..")));
    }

    [Fact]
    public void Deleting_old_releases_keeps_the_given_ones_and_everything_that_is_not_a_release()
    {
        foreach (var folder in new[] { "current", "current.old", "release-3", "release-4", "release-5", "venv" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder, "inside"));
        }

        File.WriteAllText(Path.Combine(root, "release-9"), "a file, not a release");

        var deleted = ReleaseFolder.DeleteAllBut(root, [Path.Combine(root, "release-5"), Path.Combine(root, "release-4") + "/"]);

        Assert.Equal(["current", "current.old", "release-3"], deleted);
        Assert.Equal(["release-4", "release-5", "release-9", "venv"],
            Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_release_slot_has_its_own_pid_and_output_files_and_the_current_one_keeps_the_plain_names()
    {
        var paths = new AppPaths(root);

        Assert.Equal(Path.Combine(root, "apps", "blog", "pid"), paths.PidFile("blog"));
        Assert.Equal(Path.Combine(root, "apps", "blog", "next.pid"), paths.PidFile("blog", ReleaseSlot.Next));
        Assert.Equal(Path.Combine(root, "apps", "blog", "previous.stdout.log"), paths.StdoutFile("blog", ReleaseSlot.Previous));
        Assert.Equal(Path.Combine(root, "apps", "blog", "next.stderr.log"), paths.StderrFile("blog", ReleaseSlot.Next));
        Assert.Equal(Path.Combine(root, "apps", "blog", "stderr.log"), paths.StderrFile("blog"));
    }
}
