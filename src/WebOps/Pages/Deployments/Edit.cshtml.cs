using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Core.Deployments;
using WebOps.Core.Llm;
using WebOps.Core.Validation;
using WebOps.Deploys;
using WebOps.Llm;
using WebOps.Pages.Shared;

namespace WebOps.Pages.Deployments;

/// <summary>The create form, prefilled. Masked secrets left as <c>********</c> keep their stored values.</summary>
public sealed class EditModel(DeploymentService deployments, LlmSettingsService llm) : DeploymentPageModel(deployments)
{
    /// <summary><c>?reveal=1</c> (or <c>true</c>) shows secret values instead of the mask.</summary>
    [FromQuery(Name = "reveal")]
    public string? RevealParameter { get; set; }

    public bool Reveal => RevealParameter is "1" or "true";

    public DeploymentForm Form { get; private set; } = new();

    public FormErrors Errors { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } deployment)
        {
            return Page();
        }

        Form = DeploymentForm.From(deployment, Reveal);
        if (await llm.FindAsync(deployment.Id, ct) is { } saved)
        {
            Form = Form with { Llm = LlmForm.From(saved, Reveal) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } deployment)
        {
            return Page();
        }

        // The name is not a form field when editing; it comes from the route.
        Form = DeploymentFormReader.Read(Request.Form) with { Name = deployment.Name };
        var (input, formErrors) = DeploymentFormInput.Build(Form, forCreate: false);
        Errors = formErrors;
        LlmSettings? settings = null;
        if (Form.IsLlm)
        {
            var saved = await llm.FindAsync(deployment.Id, ct);
            (settings, var llmErrors) = llm.Validate(Form.Llm.ToInput(Errors), saved?.HfToken);
            Errors.AddAll(llmErrors, Form);
        }

        if (Errors.Any)
        {
            Errors.AddAll(DeploymentValidator.ValidatePatch(input, Deployments.ValidationOptions, deployment.Name), Form);
            return Page();
        }

        try
        {
            await Deployments.UpdateAsync(deployment, input, ct);
            if (settings is not null)
            {
                await llm.SaveAsync(deployment.Id, settings, ct);
            }
        }
        catch (ValidationFailedException e)
        {
            Errors.AddAll(e.Errors, Form);
            return Page();
        }

        TempData["saved"] = true;
        return Redirect($"/deployments/{deployment.Name}/edit");
    }

    /// <summary>Whether this page follows a successful save (shown once).</summary>
    public bool JustSaved => TempData["saved"] is true;
}
