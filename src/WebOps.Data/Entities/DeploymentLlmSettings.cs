using WebOps.Core.Llm;

namespace WebOps.Data.Entities;

/// <summary>
/// One row per <c>llm</c> deployment (table <c>deployment_llm_settings</c>), created on the first save of its LLM
/// settings and removed with the deployment. <see cref="HfToken"/> is encrypted at rest.
/// </summary>
public class DeploymentLlmSettings
{
    public int DeploymentId { get; set; }

    public required string Model { get; set; }

    public string? ServedModelName { get; set; }

    public double GpuMemoryUtilization { get; set; }

    public string? Quantization { get; set; }

    public int? MaxModelLen { get; set; }

    public required string Dtype { get; set; }

    public int TensorParallelSize { get; set; }

    /// <summary><c>all</c>, a count, or <c>device=0,1</c>.</summary>
    public required string Gpus { get; set; }

    public required string CacheVolume { get; set; }

    public string? HfToken { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public LlmSettings ToSettings() => new()
    {
        Model = Model,
        ServedModelName = ServedModelName,
        GpuMemoryUtilization = GpuMemoryUtilization,
        Quantization = Quantization,
        MaxModelLen = MaxModelLen,
        Dtype = Dtype,
        TensorParallelSize = TensorParallelSize,
        Gpus = GpuSelection.TryParse(Gpus, out var gpus, out _) ? gpus : GpuSelection.All,
        CacheVolume = CacheVolume,
        HfToken = HfToken,
    };

    /// <summary>Copies validated settings into this row.</summary>
    public void Apply(LlmSettings settings, DateTimeOffset now)
    {
        Model = settings.Model;
        ServedModelName = settings.ServedModelName;
        GpuMemoryUtilization = settings.GpuMemoryUtilization;
        Quantization = settings.Quantization;
        MaxModelLen = settings.MaxModelLen;
        Dtype = settings.Dtype;
        TensorParallelSize = settings.TensorParallelSize;
        Gpus = settings.Gpus.ToString();
        CacheVolume = settings.CacheVolume;
        HfToken = settings.HfToken;
        UpdatedAt = now;
    }
}
