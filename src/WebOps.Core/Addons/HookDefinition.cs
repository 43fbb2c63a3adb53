using WebOps.Core.Hooks;

namespace WebOps.Core.Addons;

/// <summary>One entry of an addon manifest's <c>hooks</c> list, checked and resolved.</summary>
public sealed record HookDefinition
{
    /// <summary>The addon's name.</summary>
    public required string Addon { get; init; }

    public required HookEvent Event { get; init; }

    /// <summary>Lower runs first; ties go by addon name, then by <see cref="Ordinal"/>.</summary>
    public int Priority { get; init; } = DefaultPriority;

    /// <summary>The name of a built-in <see cref="IHookHandler"/>, when the hook is one.</summary>
    public string? Handler { get; init; }

    /// <summary>The absolute path of the executable, when the hook is one.</summary>
    public string? Run { get; init; }

    /// <summary>The executable's path as the manifest wrote it (relative to the addon folder).</summary>
    public string? RunRelative { get; init; }

    public required TimeSpan Timeout { get; init; }

    /// <summary>post_deployment only: run even when an earlier post_deployment hook failed.</summary>
    public bool Always { get; init; }

    /// <summary>The hook's index in the manifest's <c>hooks</c> list.</summary>
    public required int Ordinal { get; init; }

    public const int DefaultPriority = 100;

    /// <summary>What the hook runs, for listings and log lines: <c>handler docker.prepare</c> or <c>run hooks/notify.sh</c>.</summary>
    public string Target => Handler is not null ? $"handler {Handler}" : $"run {RunRelative}";
}
