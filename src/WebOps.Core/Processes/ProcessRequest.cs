namespace WebOps.Core.Processes;

/// <summary>What to run and how: a program with an argument list (never a shell line), its folder, its variables,
/// its input and its time limit.</summary>
public sealed record ProcessRequest
{
    /// <summary>An absolute path, a path relative to the panel's current folder, or a bare name looked up on the
    /// panel's own PATH (like the shell does; the panel's current folder is never searched for a bare name).</summary>
    public required string Program { get; init; }

    /// <summary>Passed one by one, unchanged: spaces, quotes and <c>$</c> reach the child as they are.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The folder the child starts in; null keeps the panel's current folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables set for the child, on top of the inherited ones unless <see cref="InheritEnvironment"/> is false.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>False gives the child only <see cref="Environment"/>, so the panel's own variables (which may hold
    /// its secrets) never reach it.</summary>
    public bool InheritEnvironment { get; init; } = true;

    /// <summary>Text written to the child's stdin (UTF-8), which is then closed; null closes stdin at once.</summary>
    public string? StandardInput { get; init; }

    /// <summary>How long the child may run before its process group is killed; <see cref="Timeout.InfiniteTimeSpan"/>
    /// only when the caller's token carries the limit.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Called for each output line as it arrives, one call at a time, never after the run returned.</summary>
    public Action<OutputLine>? OnLine { get; init; }

    /// <summary>How many of the last output lines the result keeps as evidence.</summary>
    public int TailLines { get; init; } = 20;

    /// <summary>The program and its arguments as one line for logs and messages (not for a shell: nothing is quoted).</summary>
    public string Shown => Arguments.Count == 0 ? Path.GetFileName(Program) : $"{Path.GetFileName(Program)} {string.Join(' ', Arguments)}";
}
