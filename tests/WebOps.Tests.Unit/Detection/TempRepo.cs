namespace WebOps.Tests.Unit.Detection;

/// <summary>A repository checkout built file by file in a fresh temp folder, removed on dispose.</summary>
public sealed class TempRepo : IDisposable
{
    public TempRepo()
    {
        Root = Directory.CreateTempSubdirectory("webops-detect-").FullName;
        Path = System.IO.Path.Combine(Root, "repo");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The checkout. It sits inside <see cref="Root"/> so tests can put files just outside it.</summary>
    public string Path { get; }

    public string Root { get; }

    public TempRepo Write(string relativePath, string content = "")
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public TempRepo Dir(string relativePath)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, relativePath));
        return this;
    }

    public TempRepo Symlink(string relativePath, string target)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
