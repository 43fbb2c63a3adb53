using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Core.Validation;
using WebOps.Deploys;
using WebOps.Llm;
using WebOps.Pages.Shared;

namespace WebOps.Pages.Deployments;

public sealed class NewModel(DeploymentService deployments, LlmSettingsService llm) : PageModel
{
    public DeploymentForm Form { get; private set; } = DeploymentForm.ForNew();

    public FormErrors Errors { get; private set; } = new();

    public void OnGet()
    {
    }

    /// <summary>
    /// Creates the deployment (with its LLM settings for an llm one), or shows the form again with every error at
    /// its field and every typed value kept. Nothing is saved while anything is invalid.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = DeploymentFormReader.Read(Request.Form);
        var (input, formErrors) = DeploymentFormInput.Build(Form, forCreate: true);
        Errors = formErrors;
        var settings = Form.IsLlm ? CheckLlm() : null;
        if (Errors.Any)
        {
            // The form's own errors stop before the service; the shared rules still run so every problem shows at once.
            Errors.AddAll(DeploymentValidator.ValidateCreate(input, deployments.ValidationOptions), Form);
            return Page();
        }

        try
        {
            var created = await deployments.CreateAsync(input, ct);
            if (settings is not null)
            {
                // The service leaves a new llm deployment undeployed until it has a model; now it has one.
                await llm.SaveAsync(created.Id, settings, ct);
                await deployments.QueueDeployAsync(created, ct);
            }

            TempData.Success($"Created '{created.Name}'. The first deploy is queued.");
            return Redirect($"/deployments/{created.Name}");
        }
        catch (ValidationFailedException e)
        {
            Errors.AddAll(e.Errors, Form);
            return Page();
        }
    }

    private Core.Llm.LlmSettings? CheckLlm()
    {
        var (settings, errors) = llm.Validate(Form.Llm.ToInput(Errors), savedToken: null);
        Errors.AddAll(errors, Form);
        return settings;
    }
}
