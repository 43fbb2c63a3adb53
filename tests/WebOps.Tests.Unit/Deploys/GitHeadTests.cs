using WebOps.Deploys;

namespace WebOps.Tests.Unit.Deploys;

/// <summary>The checked-out commit read from a clone's .git folder; anything unusual is left to git (null).</summary>
public sealed class GitHeadTests : IDisposable
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private readonly string work = Directory.CreateTempSubdirectory("webops-githead-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public void A_branch_with_a_loose_ref_gives_its_commit()
    {
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Write(".git/refs/heads/main", Sha + "\n");

        Assert.Equal(Sha, GitHead.TryRead(work));
    }

    [Fact]
    public void A_branch_in_packed_refs_gives_its_commit()
    {
        Write(".git/HEAD", "ref: refs/heads/release/2\n");
        Write(".git/packed-refs", $"# pack-refs with: peeled fully-peeled sorted\nffffffffffffffffffffffffffffffffffffffff refs/heads/other\n{Sha} refs/heads/release/2\n");

        Assert.Equal(Sha, GitHead.TryRead(work));
    }

    [Fact]
    public void A_detached_head_gives_its_commit()
    {
        Write(".git/HEAD", Sha + "\n");

        Assert.Equal(Sha, GitHead.TryRead(work));
    }

    [Theory]
    [InlineData("ref: refs/heads/missing\n")]
    [InlineData("ref: ../../etc/passwd\n")]
    [InlineData("not a commit\n")]
    public void Anything_else_is_left_to_git(string head)
    {
        Write(".git/HEAD", head);

        Assert.Null(GitHead.TryRead(work));
    }

    [Fact]
    public void A_folder_without_git_is_left_to_git() => Assert.Null(GitHead.TryRead(work));

    private void Write(string relative, string text)
    {
        var path = Path.Combine(work, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
