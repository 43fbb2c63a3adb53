using WebOps.Core.Validation;

namespace WebOps.Core.Resources;

/// <summary>Copies validated resource fields onto the stored settings: absent fields keep theirs, empty text or 0 clears.</summary>
public static class ResourceInput
{
    public static ResourceSettings Apply(DeploymentInput input, ResourceSettings stored) => stored with
    {
        MemoryLimit = Text(input.MemoryLimit, stored.MemoryLimit),
        MemoryReservation = Text(input.MemoryReservation, stored.MemoryReservation),
        CpuLimit = input.CpuLimit is null ? stored.CpuLimit : input.CpuLimit == 0 ? null : input.CpuLimit,
        PidsLimit = input.PidsLimit is null ? stored.PidsLimit : input.PidsLimit == 0 ? null : input.PidsLimit,
        RestartPolicy = Text(input.RestartPolicy, stored.RestartPolicy),
        LogMaxSize = Text(input.LogMaxSize, stored.LogMaxSize),
        LogMaxFile = input.LogMaxFile is null ? stored.LogMaxFile : input.LogMaxFile == 0 ? null : input.LogMaxFile,
        HealthCheck = input.HealthCheck is null ? stored.HealthCheck : input.HealthCheck.ToSettings(),
    };

    private static string? Text(string? given, string? stored) =>
        given is null ? stored : string.IsNullOrWhiteSpace(given) ? null : given.Trim().ToLowerInvariant();
}
