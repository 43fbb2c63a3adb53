using Microsoft.AspNetCore.Mvc;
using WebOps.Deploys;
using WebOps.Pages.Shared;
using WebOps.Webhooks;

namespace WebOps.Pages.Deployments;

/// <summary>
/// The "Generate new secret" button of the hook card (<c>_Webhook.cshtml</c>): replaces the secret and goes back to the
/// deployment's page, which shows it once. The secret travels in the encrypted TempData cookie, never in the URL.
/// </summary>
public sealed class WebhookSecretModel(DeploymentService deployments, DeploymentWebhooks hooks) : DeploymentPageModel(deployments)
{
    /// <summary>The TempData key the hook card reads (and so clears) the new secret from.</summary>
    public const string NewSecretKey = "webhook_secret";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) is { } d ? Redirect($"/deployments/{d.Name}#webhook") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } d)
        {
            return Page();
        }

        TempData[NewSecretKey] = await hooks.ReplaceSecretAsync(d, ct);
        TempData.Success($"New webhook secret for '{d.Name}'. Copy it into the provider's webhook settings now: it is shown only once.");
        return Redirect($"/deployments/{d.Name}#webhook");
    }
}
