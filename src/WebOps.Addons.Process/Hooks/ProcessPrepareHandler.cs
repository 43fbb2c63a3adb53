using WebOps.Addons.Process.Build;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Process.Hooks;

/// <summary>
/// pre_deployment: copies the checkout into a new release folder and, for Django, installs requirements into the
/// deployment's virtual environment, migrates and collects static files. Does nothing for Docker deployments.
/// </summary>
public sealed class ProcessPrepareHandler(AppPaths paths, DjangoBuild django) : IHookHandler
{
    public const string HandlerName = "process.prepare";

    public string Name => HandlerName;

    public async Task<HookResult> ExecuteAsync(HookContext context, CancellationToken cancellationToken)
    {
        var d = context.Deployment;
        if (d.UseDocker)
        {
            return HookResult.Ok();
        }

        if (d.ProjectType is not (ProjectType.Django or ProjectType.Static))
        {
            return HookResult.Fail(
                $"'{d.Name}' is a {d.ProjectType.ToString().ToLowerInvariant()} project: without Docker only Django and static "
                + "sites can run. Tick \"Use Docker containerization\" and redeploy.");
        }

        if (context.CheckoutPath is null || context.Detection is null)
        {
            return HookResult.Fail($"'{d.Name}' has no checkout to prepare; redeploy it.");
        }

        var release = paths.Release(d.Name, d.DeployRunId ?? 0);
        try
        {
            Directory.CreateDirectory(paths.Root(d.Name));
            ReleaseFolder.Copy(context.CheckoutPath, release);
            if (d.ProjectType == ProjectType.Django)
            {
                await django.RunAsync(context, release, cancellationToken);
            }
        }
        catch (BuildFailedException e)
        {
            return HookResult.Fail($"Preparing '{d.Name}' failed: {e.Message}");
        }
        catch (IOException e)
        {
            return HookResult.Fail($"Copying the checkout of '{d.Name}' to '{release}' failed: {e.Message}. Check free disk space.");
        }

        return HookResult.Ok();
    }
}
