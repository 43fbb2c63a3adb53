namespace WebOps.Core.Hooks;

public enum HookRunStatus
{
    Succeeded,
    Failed,
    TimedOut,

    /// <summary>Not run because an earlier hook failed (pre_deployment gate, or post_deployment without <c>always</c>).</summary>
    Skipped,
}
