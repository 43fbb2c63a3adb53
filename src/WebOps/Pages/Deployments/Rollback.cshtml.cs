using Microsoft.AspNetCore.Mvc;
using WebOps.Deploys;
using WebOps.Pages.Shared;

namespace WebOps.Pages.Deployments;

/// <summary>
/// The "Roll back to this" buttons of the detail page's releases (<c>_Releases.cshtml</c>) post here: the rollback is
/// queued through the same service call as the API's, and the detail page shows the answer.
/// </summary>
public sealed class RollbackModel(DeploymentService deployments) : DeploymentPageModel(deployments)
{
    /// <summary>Nothing to show: the releases live on the detail page.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) is { } d ? Redirect($"/deployments/{d.Name}#releases") : Page();

    public async Task<IActionResult> OnPostAsync([FromForm] int run, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } d)
        {
            return Page();
        }

        try
        {
            TempData.Success($"{(await Deployments.QueueRollbackAsync(d, run, ct)).Message} {Core.Releases.ReleaseConfig.RollbackKeeps}");
        }
        catch (Exception e) when (e is ValidationFailedException or ActionRefusedException)
        {
            TempData.Error(e is ValidationFailedException v && v.Errors.Count > 0 ? string.Join(" ", v.Errors.Select(f => f.Message)) : e.Message);
        }

        return Redirect($"/deployments/{d.Name}#releases");
    }
}
