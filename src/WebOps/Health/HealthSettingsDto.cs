using WebOps.Core.Health;
using WebOps.Data.Entities;

namespace WebOps.Health;

/// <summary>
/// The HTTP probe settings of a deployment, as read and written by the API. On PUT, a missing or null field means
/// its default: path <c>/</c>, any status below 500, Host <c>localhost</c>.
/// </summary>
public sealed record HealthSettingsDto(string? Path, int? ExpectedStatus, string? Host)
{
    public static HealthSettingsDto From(DeploymentHealthSettings? s) =>
        new(s?.Path ?? HealthSettingsRules.DefaultPath, s?.ExpectedStatus, s?.Host ?? HealthSettingsRules.DefaultHost);
}
