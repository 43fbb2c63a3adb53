namespace WebOps.Core.Validation;

/// <summary>Settings that change what validation accepts.</summary>
public sealed record ValidationOptions
{
    /// <summary>Setting <c>Deployments:AllowLocalRepos</c>: accept <c>file://</c> URLs and absolute paths.</summary>
    public bool AllowLocalRepos { get; init; }

    /// <summary>Setting <c>Docker:DeniedHostPaths</c>: host paths that volumes may not mount (besides the built-in list).</summary>
    public IReadOnlyList<string> DeniedHostPaths { get; init; } = [];

    /// <summary>CPUs on this machine: the most a <c>cpu_limit</c> may ask for (Docker refuses more).</summary>
    public int CpuCount { get; init; } = Environment.ProcessorCount;
}
