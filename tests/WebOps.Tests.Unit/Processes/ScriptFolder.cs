namespace WebOps.Tests.Unit.Processes;

/// <summary>A temporary folder of /bin/sh scripts for tests that run real child processes.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ScriptFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("webops-processes-").FullName;

    public string this[string name] => Path.Combine(Root, name);

    /// <summary>Writes an executable script and returns its path.</summary>
    public string Script(string name, string body)
    {
        var path = this[name];
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
