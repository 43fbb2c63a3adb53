namespace WebOps.Tests.Unit.Addons;

/// <summary>A real <c>addons/</c> folder in a fresh temp directory, deleted on dispose.</summary>
public sealed class AddonFolder : IDisposable
{
    public AddonFolder(string rootName = "addons")
    {
        Base = Path.Combine(Path.GetTempPath(), $"webops-addons-{Guid.NewGuid():N}");
        Root = Path.Combine(Base, rootName);
        Directory.CreateDirectory(Root);
    }

    /// <summary>The temp directory holding <see cref="Root"/>; free for files outside the addons folder.</summary>
    public string Base { get; }

    public string Root { get; }

    /// <summary>Creates <c>Root/name/</c> with an <c>addon.yaml</c> holding <paramref name="yaml"/>.</summary>
    public string Addon(string name, string yaml) => File(name, "addon.yaml", yaml);

    /// <summary>Writes a file inside an addon folder and returns its path.</summary>
    public string File(string addon, string relativePath, string content)
    {
        var path = Path.Combine(Root, addon, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes an executable <c>#!/bin/sh</c> script (mode 0755) inside an addon folder.</summary>
    public string Script(string addon, string relativePath, string body)
    {
        var path = File(addon, relativePath, "#!/bin/sh\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }

        return path;
    }

    public string Folder(string addon) => Path.Combine(Root, addon);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Base, recursive: true);
        }
        catch (IOException)
        {
            // A hook still writing into the folder must not fail the test run; temp is cleaned by the OS.
        }
    }
}
