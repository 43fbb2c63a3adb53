namespace WebOps.Core.Llm;

/// <summary>
/// LLM settings as a form or the API sends them (snake_case in JSON). Missing values take their defaults;
/// <see cref="HfToken"/> null keeps the saved token and an empty string removes it.
/// </summary>
public sealed record LlmSettingsInput
{
    public string? Model { get; init; }

    public string? ServedModelName { get; init; }

    public double? GpuMemoryUtilization { get; init; }

    /// <summary>One of <see cref="LlmChoices.Quantizations"/>, or <c>none</c>.</summary>
    public string? Quantization { get; init; }

    public int? MaxModelLen { get; init; }

    public string? Dtype { get; init; }

    public int? TensorParallelSize { get; init; }

    /// <summary><c>all</c>, a count (<c>2</c>), or device ids (<c>0,1</c> or <c>device=1</c>).</summary>
    public string? Gpus { get; init; }

    public string? CacheVolume { get; init; }

    public string? HfToken { get; init; }
}
