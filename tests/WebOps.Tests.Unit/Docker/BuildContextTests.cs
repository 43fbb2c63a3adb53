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

    [Fact]
    public async Task A_suffix_is_appended_to_the_dockerfile_as_sent_and_the_checkout_keeps_its_file()
    {
        Write("deploy/Dockerfile", "FROM scratch\n");
        Write("site/index.html", "hi");

        using var tar = new MemoryStream();
        var written = await BuildContext.WriteAsync(root, "./deploy/Dockerfile", tar, default, "LABEL a=b\n");

        Assert.Equal(["deploy/", "deploy/Dockerfile", "site/", "site/index.html"], written);
        tar.Position = 0;
        Assert.Equal(
            [("deploy/Dockerfile", "FROM scratch\nLABEL a=b\n"), ("site/index.html", "hi")],
            await FilesAsync(tar));
        Assert.Equal("FROM scratch\n", await File.ReadAllTextAsync(Path.Combine(root, "deploy/Dockerfile")));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static async Task<List<(string, string)>> FilesAsync(Stream tar)
    {
        var files = new List<(string, string)>();
        await using var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            if (entry.DataStream is { } data)
            {
                using var text = new StreamReader(data);
                files.Add((entry.Name, await text.ReadToEndAsync()));
            }
        }

        return files;
    }

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
