namespace WebOps.Core.Llm;

/// <summary>The values vLLM accepts for its choice flags (as of the pinned release, v0.6.6).</summary>
public static class LlmChoices
{
    public const string NoQuantization = "none";

    /// <summary>The methods of <c>--quantization</c> that run on NVIDIA GPUs.</summary>
    public static readonly IReadOnlyList<string> Quantizations =
    [
        "aqlm", "awq", "awq_marlin", "bitsandbytes", "compressed-tensors", "experts_int8", "fbgemm_fp8", "fp8",
        "gguf", "gptq", "gptq_marlin", "gptq_marlin_24", "marlin", "modelopt", "qqq",
    ];

    public static readonly IReadOnlyList<string> Dtypes = ["auto", "half", "float16", "bfloat16", "float", "float32"];
}
