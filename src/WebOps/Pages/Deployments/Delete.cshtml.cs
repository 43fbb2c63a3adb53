using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Core.Deployments;
using WebOps.Core.Runtime;
using WebOps.Deploys;
using WebOps.Pages.Shared;

namespace WebOps.Pages.Deployments;

/// <summary>Asks before deleting: the container goes, and the images too when the box is ticked.</summary>
public sealed class DeleteModel(DeploymentService deployments) : DeploymentPageModel(deployments)
{
    public string? Error { get; private set; }

    /// <summary>Why deleting is refused now (a deploy holds it), as the API would answer; the button is disabled then.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } deployment)
        {
            return Page();
        }

        Refusal = Deployments.RefusalOf(deployment, DeploymentAction.Delete);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } deployment)
        {
            return Page();
        }

        // An unticked checkbox sends nothing: only an explicit "true" removes images.
        var options = new RemoveOptions(
            Images: Request.Form["remove_images"].Contains("true"),
            Volumes: Request.Form["remove_volumes"].Contains("true"));
        try
        {
            await Deployments.DeleteAsync(deployment, options, ct);
        }
        catch (ActionRefusedException e)
        {
            Error = e.Message;
            return Page();
        }

        var also = (options.Images, options.Volumes) switch
        {
            (true, true) => " with its images and named volumes",
            (true, false) => " and its images",
            (false, true) => " and its named volumes",
            _ => "",
        };
        TempData.Success($"Deleted '{deployment.Name}'{also}.");
        return Redirect("/");
    }
}
