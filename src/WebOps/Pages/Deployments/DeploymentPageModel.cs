using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Core.Deployments;
using WebOps.Deploys;

namespace WebOps.Pages.Deployments;

/// <summary>A page about the one deployment its route names: loads it, or answers 404 with the page's not-found text.</summary>
public abstract class DeploymentPageModel(DeploymentService deployments) : PageModel
{
    [FromRoute]
    public string Name { get; set; } = "";

    public Deployment? Deployment { get; private set; }

    protected DeploymentService Deployments => deployments;

    /// <summary>The deployment (also kept in <see cref="Deployment"/>); null after setting the response to 404, when the
    /// page shows its not-found text.</summary>
    protected async Task<Deployment?> LoadAsync(CancellationToken ct)
    {
        Deployment = await deployments.FindAsync(Name, ct);
        if (Deployment is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Deployment;
    }
}
