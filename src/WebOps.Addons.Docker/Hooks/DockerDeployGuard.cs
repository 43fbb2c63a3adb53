using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>What both deploy hooks of the Docker addon check first: the deployment uses Docker and has a checkout (or a rollback's image).</summary>
internal static class DockerDeployGuard
{
    /// <summary>The result to return at once (nothing to do, or no checkout), or null when the hook should go on.</summary>
    public static HookResult? Check(HookContext context)
    {
        if (!context.Deployment.UseDocker)
        {
            return HookResult.Ok();
        }

        // A rollback starts an existing image: it has no checkout and needs none.
        return context.CheckoutPath is null && context.Plan?.Source != Core.Planning.ImageSource.ExistingImage
            ? context.Log.Failed($"Deployment '{context.Deployment.Name}' has no checkout to build; the Docker addon runs only inside a deploy.")
            : null;
    }
}
