using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Core.Validation;
using WebOps.Deploys;
using WebOps.Pages.Shared;

namespace WebOps.Pages.Deployments;

public sealed class NewModel(DeploymentService deployments) : PageModel
{
    public DeploymentForm Form { get; private set; } = DeploymentForm.ForNew();

    public FormErrors Errors { get; private set; } = new();

    public void OnGet()
    {
    }

    /// <summary>
    /// Creates the deployment, or shows the form again with every error at its field and every typed value kept.
    /// The service saves nothing when anything is invalid.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = DeploymentFormReader.Read(Request.Form);
        var (input, formErrors) = DeploymentFormInput.Build(Form, forCreate: true);
        Errors = formErrors;
        if (Errors.Any)
        {
            // The form's own errors stop before the service; the shared rules still run so every problem shows at once.
            Errors.AddAll(DeploymentValidator.ValidateCreate(input, deployments.ValidationOptions), Form);
            return Page();
        }

        try
        {
            var created = await deployments.CreateAsync(input, ct);
            TempData.Success($"Created '{created.Name}'. The first deploy is queued.");
            return Redirect($"/deployments/{created.Name}");
        }
        catch (ValidationFailedException e)
        {
            Errors.AddAll(e.Errors, Form);
            return Page();
        }
    }
}
