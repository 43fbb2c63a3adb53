namespace WebOps.Addons.Process.Supervision;

/// <summary>Everything the supervisor needs to start (and restart) one app.</summary>
public sealed record AppStart
{
    public required string Name { get; init; }

    public required string Program { get; init; }

    public required IReadOnlyList<string> Arguments { get; init; }

    public required string WorkingDirectory { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public required string StdoutPath { get; init; }

    public required string StderrPath { get; init; }

    public required string PidFilePath { get; init; }
}
