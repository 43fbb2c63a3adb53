namespace WebOps.Core.Validation;

/// <summary>
/// Size limits enforced by <see cref="DeploymentValidator"/>; public so forms can set matching
/// <c>maxlength</c> attributes and the API can document them.
/// </summary>
public static class ValidationLimits
{
    public const int NameMaxLength = 63;
    public const int RepoUrlMaxLength = 2048;
    public const int BranchMaxLength = 255;
    public const int RepoPathMaxLength = 255;
    public const int ImageNameMaxLength = 255;
    public const int VariablesMaxCount = 100;
    public const int VariableNameMaxLength = 255;
    public const int VariableValueMaxLength = 32_768;
    public const int VolumesMaxCount = 50;
    public const int VolumeSpecMaxLength = 4096;
    public const int PortsMaxCount = 50;
    public const int PortSpecMaxLength = 100;
    public const int DomainsMaxCount = 50;
}
