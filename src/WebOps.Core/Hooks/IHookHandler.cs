namespace WebOps.Core.Hooks;

/// <summary>
/// A built-in hook written in .NET. An addon manifest names it with <c>handler: NAME</c>; the panel registers
/// handlers in DI, so an addon's YAML decides whether and when it runs.
/// </summary>
public interface IHookHandler
{
    /// <summary>The name a manifest uses, e.g. <c>docker.build_and_run</c>.</summary>
    string Name { get; }

    Task<HookResult> ExecuteAsync(HookContext context, CancellationToken cancellationToken);
}
