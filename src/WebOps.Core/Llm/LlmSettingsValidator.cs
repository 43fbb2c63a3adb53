using System.Text.RegularExpressions;
using WebOps.Core.Validation;

namespace WebOps.Core.Llm;

/// <summary>
/// Checks LLM settings and turns them into <see cref="LlmSettings"/>; every error names its field
/// (<c>llm.gpu_memory_utilization: must be more than 0 and at most 1</c>). Nothing is saved while any error stands.
/// </summary>
public static partial class LlmSettingsValidator
{
    public const string Prefix = "llm.";

    public static (LlmSettings? Settings, IReadOnlyList<FieldError> Errors) Validate(
        LlmSettingsInput input, string? savedToken, IReadOnlyList<string>? deniedHostPaths = null)
    {
        var errors = new List<FieldError>();
        void Error(string field, string message) => errors.Add(new FieldError(Prefix + field, message));

        var model = input.Model?.Trim() ?? "";
        if (ModelProblem(model) is { } modelProblem)
        {
            Error("model", modelProblem);
        }

        var served = string.IsNullOrWhiteSpace(input.ServedModelName) ? null : input.ServedModelName.Trim();
        if (served is not null && (served.Length > 255 || !Printable().IsMatch(served)))
        {
            Error("served_model_name", "must be at most 255 characters without spaces, like qwen-small");
        }

        var utilization = input.GpuMemoryUtilization ?? LlmSettings.DefaultGpuMemoryUtilization;
        if (!(utilization > 0 && utilization <= 1))
        {
            Error("gpu_memory_utilization", "must be more than 0 and at most 1");
        }

        var quantization = Choice(input.Quantization, LlmChoices.Quantizations, "quantization", Error, allowNone: true);
        var dtype = Choice(input.Dtype, LlmChoices.Dtypes, "dtype", Error, allowNone: false) ?? LlmSettings.DefaultDtype;
        if (input.MaxModelLen is <= 0)
        {
            Error("max_model_len", "must be a whole number of tokens above 0, like 8192, or left empty for the model's own limit");
        }

        var parallel = input.TensorParallelSize ?? 1;
        if (parallel is < 1 or > 64)
        {
            Error("tensor_parallel_size", "must be from 1 to 64 (the number of GPUs one model is split across)");
        }

        if (!GpuSelection.TryParse(input.Gpus, out var gpus, out var gpuError))
        {
            Error("gpus", gpuError);
        }
        else if (gpus.Known is { } known && parallel > known)
        {
            Error("tensor_parallel_size", $"{parallel} is more than the {known} GPU(s) given in {Prefix}gpus; give more GPUs or split across fewer");
        }

        var cache = string.IsNullOrWhiteSpace(input.CacheVolume) ? LlmSettings.DefaultCacheVolume : input.CacheVolume.Trim();
        if (CacheProblem(cache, deniedHostPaths ?? []) is { } cacheProblem)
        {
            Error("cache_volume", cacheProblem);
        }

        var token = input.HfToken is null ? savedToken : input.HfToken.Trim() is { Length: > 0 } given ? given : null;
        if (token is not null && (token.Length > 512 || !Printable().IsMatch(token)))
        {
            Error("hf_token", "must be a Hugging Face access token (hf_...) without spaces, at most 512 characters");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new LlmSettings
        {
            Model = model,
            ServedModelName = served,
            GpuMemoryUtilization = utilization,
            Quantization = quantization,
            MaxModelLen = input.MaxModelLen,
            Dtype = dtype,
            TensorParallelSize = parallel,
            Gpus = gpus,
            CacheVolume = cache,
            HfToken = token,
        }, errors);
    }

    private static string? ModelProblem(string model)
    {
        if (model.Length == 0)
        {
            return "is required: a Hugging Face model id like Qwen/Qwen2.5-0.5B-Instruct, or a path under " + LlmSettings.CacheMountPath;
        }

        if (model.StartsWith('/'))
        {
            return PosixPath.HasParentSegment(model) || !PosixPath.IsSameOrUnder(PosixPath.Normalize(model), LlmSettings.CacheMountPath)
                || PosixPath.Normalize(model) == LlmSettings.CacheMountPath
                ? $"path '{model}' is not inside the model cache; give a folder under {LlmSettings.CacheMountPath}, or a Hugging Face model id"
                : null;
        }

        return model.Length <= 200 && ModelId().IsMatch(model)
            ? null
            : $"'{model}' is not a Hugging Face model id; use owner/name like Qwen/Qwen2.5-0.5B-Instruct";
    }

    private static string? CacheProblem(string cache, IReadOnlyList<string> deniedHostPaths)
    {
        if (!cache.StartsWith('/'))
        {
            return cache.Length <= 128 && VolumeName().IsMatch(cache)
                ? null
                : $"'{cache}' is neither a volume name (letters, digits, _ . -) nor an absolute host folder";
        }

        return PosixPath.HasParentSegment(cache)
            ? $"host path '{cache}' must not contain '..'; give the folder itself"
            : HostPathPolicy.Check(PosixPath.Normalize(cache), deniedHostPaths);
    }

    private static string? Choice(string? value, IReadOnlyList<string> allowed, string field, Action<string, string> error, bool allowNone)
    {
        var text = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text) || (allowNone && text == LlmChoices.NoQuantization))
        {
            return null;
        }

        if (allowed.Contains(text))
        {
            return text;
        }

        error(field, $"'{value}' is not one of {(allowNone ? LlmChoices.NoQuantization + ", " : "")}{string.Join(", ", allowed)}");
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ModelId();

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeName();

    [GeneratedRegex(@"^[\x21-\x7E]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Printable();
}
