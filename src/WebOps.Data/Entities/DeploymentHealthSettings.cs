namespace WebOps.Data.Entities;

/// <summary>How the HTTP probe asks a deployment's app whether it is up. A missing row means the defaults.</summary>
public class DeploymentHealthSettings
{
    public int DeploymentId { get; set; }

    /// <summary>Requested path; null means <c>/</c>.</summary>
    public string? Path { get; set; }

    /// <summary>The one status that counts as healthy; null means any status below 500.</summary>
    public int? ExpectedStatus { get; set; }

    /// <summary>The Host header sent; null means <c>localhost</c>.</summary>
    public string? Host { get; set; }
}
