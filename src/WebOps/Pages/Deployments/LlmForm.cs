using System.Globalization;
using WebOps.Core.Llm;
using WebOps.Core.Validation;
using WebOps.Deploys;

namespace WebOps.Pages.Deployments;

/// <summary>
/// The LLM settings of the deployment form exactly as typed; HTML names are the API's paths (<c>llm.model</c>),
/// so the validator's errors land at their fields.
/// </summary>
public sealed record LlmForm
{
    public string Model { get; init; } = "";

    public string ServedModelName { get; init; } = "";

    public string GpuMemoryUtilization { get; init; } = Number(LlmSettings.DefaultGpuMemoryUtilization);

    public string Quantization { get; init; } = LlmChoices.NoQuantization;

    public string MaxModelLen { get; init; } = "";

    public string Dtype { get; init; } = LlmSettings.DefaultDtype;

    public string TensorParallelSize { get; init; } = "1";

    public string Gpus { get; init; } = "all";

    public string CacheVolume { get; init; } = LlmSettings.DefaultCacheVolume;

    /// <summary>The mask keeps the saved token; empty removes it.</summary>
    public string HfToken { get; init; } = "";

    public static IReadOnlyList<string> Quantizations { get; } = [LlmChoices.NoQuantization, .. LlmChoices.Quantizations];

    /// <summary>Saved settings as the edit form shows them; the token masked unless revealed.</summary>
    public static LlmForm From(LlmSettings s, bool reveal) => new()
    {
        Model = s.Model,
        ServedModelName = s.ServedModelName ?? "",
        GpuMemoryUtilization = Number(s.GpuMemoryUtilization),
        Quantization = s.Quantization ?? LlmChoices.NoQuantization,
        MaxModelLen = s.MaxModelLen?.ToString(CultureInfo.InvariantCulture) ?? "",
        Dtype = s.Dtype,
        TensorParallelSize = s.TensorParallelSize.ToString(CultureInfo.InvariantCulture),
        Gpus = s.Gpus.ToString(),
        CacheVolume = s.CacheVolume,
        HfToken = s.HfToken is null ? "" : reveal ? s.HfToken : DeploymentInputMapper.Mask,
    };

    /// <summary>The input the validator checks; numbers that do not parse are reported here, at their fields.</summary>
    public LlmSettingsInput ToInput(FormErrors errors) => new()
    {
        Model = Model,
        ServedModelName = ServedModelName,
        GpuMemoryUtilization = Parse("gpu_memory_utilization", GpuMemoryUtilization, errors, "a fraction like 0.9",
            (string t, out double v) => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out v)),
        Quantization = Quantization,
        MaxModelLen = Parse("max_model_len", MaxModelLen, errors, "a whole number of tokens like 8192",
            (string t, out int v) => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v)),
        Dtype = Dtype,
        TensorParallelSize = Parse("tensor_parallel_size", TensorParallelSize, errors, "a whole number like 1",
            (string t, out int v) => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v)),
        Gpus = Gpus,
        CacheVolume = CacheVolume,
        HfToken = HfToken,
    };

    private delegate bool TryParser<T>(string text, out T value);

    private static T? Parse<T>(string field, string text, FormErrors errors, string expected, TryParser<T> parse)
        where T : struct
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        var path = LlmSettingsValidator.Prefix + field;
        errors.Add(path, new FieldError(path, $"is '{text}', which is not a number; use {expected}, or leave it empty for the default"));
        return null;
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
