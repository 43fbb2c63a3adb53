using System.Formats.Tar;
using WebOps.Addons.Docker.Build;

namespace WebOps.Tests.Unit.Docker;

public sealed class BuildContextTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("webops-context-").FullName;

    [Fact]
    public async Task Context_leaves_out_what_dockerignore_names_but_always_sends_the_dockerfile()
    {
        Write(".dockerignore", ".git\n**/__pycache__\n*.pyc\nnode_modules\ndeploy\n");
        Write(".git/HEAD", "ref: refs/heads/main");
        Write("app/__pycache__/views.cpython-312.pyc", "x");
        Write("app/views.py", "print('hi')");
        Write("app/old.pyc", "x");
        Write("top.pyc", "x");
        Write("node_modules/left-pad/index.js", "x");
        Write("deploy/Dockerfile.prod", "FROM scratch");
        Write("deploy/notes.txt", "x");
        File.CreateSymbolicLink(Path.Combine(root, "link-to-app"), "app");

        using var tar = new MemoryStream();
        var written = await BuildContext.WriteAsync(root, "deploy/Dockerfile.prod", tar, default);

        Assert.Equal(
            [".dockerignore", "app/", "app/old.pyc", "app/views.py", "deploy/Dockerfile.prod", "link-to-app"],
            written);
        tar.Position = 0;
        Assert.Equal(
            [
                (".dockerignore", TarEntryType.RegularFile),
                ("app/", TarEntryType.Directory),
                ("app/old.pyc", TarEntryType.RegularFile),
                ("app/views.py", TarEntryType.RegularFile),
                ("deploy/Dockerfile.prod", TarEntryType.RegularFile),
                ("link-to-app", TarEntryType.SymbolicLink),
            ],
            await EntriesAsync(tar));
    }

    [Fact]
    public async Task Without_dockerignore_everything_is_sent()
    {
        Write("Dockerfile", "FROM scratch");
        Write(".git/HEAD", "ref");

        using var tar = new MemoryStream();
        var written = await BuildContext.WriteAsync(root, "Dockerfile", tar, default);

        Assert.Equal([".git/", ".git/HEAD", "Dockerfile"], written);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static async Task<List<(string, TarEntryType)>> EntriesAsync(Stream tar)
    {
        var entries = new List<(string, TarEntryType)>();
        await using var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            entries.Add((entry.EntryType == TarEntryType.Directory ? entry.Name.TrimEnd('/') + "/" : entry.Name, entry.EntryType));
        }

        return entries;
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
