using WebOps.Core.Runtime;

namespace WebOps.Core.Hooks;

/// <summary>
/// The two hook points of a deploy, each given a context of its own event: pre_deployment is the gate, then
/// post_deployment, where the addon that runs the app (Docker or process) builds and starts it and returns what it
/// started. Failures come back as a message the user can act on, never as a guess.
/// </summary>
public sealed class DeployHooks(HookRunner hooks)
{
    /// <summary>Null when every pre_deployment hook passed; else why the deploy stops.</summary>
    public async Task<string?> GateAsync(HookContext deploy, CancellationToken ct)
    {
        var pre = await hooks.RunPreDeploymentAsync(deploy.For(HookEvent.PreDeployment), ct);
        return pre.Succeeded ? null : pre.Message ?? "A pre_deployment hook failed.";
    }

    /// <summary>What the post_deployment hooks started, or why nothing runs.</summary>
    public async Task<(RunningApp? App, string? Failure)> StartAsync(HookContext deploy, CancellationToken ct)
    {
        var post = await hooks.RunPostDeploymentAsync(deploy.For(HookEvent.PostDeployment), ct);
        if (!post.Succeeded)
        {
            return (null, post.Message ?? "A post_deployment hook failed.");
        }

        var addon = deploy.Deployment.UseDocker ? "docker" : "process";
        return post.App is { } app
            ? (app, null)
            : (null, $"No addon started the app: is the {addon} addon enabled? Check the Addons page.");
    }
}
