namespace WebOps.Core.Llm;

/// <summary>
/// How vLLM serves an <c>llm</c> deployment: the model, its GPU share and limits, the cache it loads from.
/// Saved only after <see cref="LlmSettingsValidator"/> accepted it. <see cref="HfToken"/> is the plain token here;
/// it is encrypted at rest.
/// </summary>
public sealed record LlmSettings
{
    public const double DefaultGpuMemoryUtilization = 0.9;
    public const string DefaultDtype = "auto";
    public const string DefaultCacheVolume = "webops-hf-cache";

    /// <summary>Where the model cache is mounted in the container (the Hugging Face hub's default cache).</summary>
    public const string CacheMountPath = "/root/.cache/huggingface";

    /// <summary>A Hugging Face id (<c>Qwen/Qwen2.5-0.5B-Instruct</c>) or an absolute path under <see cref="CacheMountPath"/>.</summary>
    public required string Model { get; init; }

    /// <summary>The name clients ask for; null means the model id.</summary>
    public string? ServedModelName { get; init; }

    public double GpuMemoryUtilization { get; init; } = DefaultGpuMemoryUtilization;

    /// <summary>Null means no quantization.</summary>
    public string? Quantization { get; init; }

    public int? MaxModelLen { get; init; }

    public string Dtype { get; init; } = DefaultDtype;

    public int TensorParallelSize { get; init; } = 1;

    public GpuSelection Gpus { get; init; } = GpuSelection.All;

    /// <summary>A named volume or an absolute host folder, mounted at <see cref="CacheMountPath"/>.</summary>
    public string CacheVolume { get; init; } = DefaultCacheVolume;

    public string? HfToken { get; init; }

    public string EffectiveServedModelName => ServedModelName ?? Model;
}
