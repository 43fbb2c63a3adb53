namespace WebOps.Pages.Deployments;

/// <summary>What the shared form partial needs: the typed values, their errors, and whether it edits a stored deployment.</summary>
public sealed record DeploymentFormView(DeploymentForm Form, FormErrors Errors, bool IsEdit, bool Revealed);
