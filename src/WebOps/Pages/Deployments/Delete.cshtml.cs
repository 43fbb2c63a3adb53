using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Core.Deployments;
using WebOps.Deploys;
using WebOps.Pages.Shared;

namespace WebOps.Pages.Deployments;

/// <summary>Asks before deleting: the container goes, and the images too when the box is ticked.</summary>
public sealed class DeleteModel(DeploymentService deployments) : PageModel
{
    [FromRoute]
    public string Name { get; set; } = "";

    public Deployment? Deployment { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Why deleting is refused now (a deploy holds it), as the API would answer; the button is disabled then.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Deployment = await deployments.FindAsync(Name, ct);
        if (Deployment is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Refusal = deployments.RefusalOf(Deployment, DeploymentAction.Delete);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Deployment = await deployments.FindAsync(Name, ct);
        if (Deployment is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        // An unticked checkbox sends nothing: only an explicit "true" removes images.
        var removeImages = Request.Form["remove_images"].Contains("true");
        try
        {
            await deployments.DeleteAsync(Deployment, removeImages, ct);
        }
        catch (ActionRefusedException e)
        {
            Error = e.Message;
            return Page();
        }

        TempData.Success($"Deleted '{Deployment.Name}'{(removeImages ? " and its images" : "")}.");
        return Redirect("/");
    }
}
