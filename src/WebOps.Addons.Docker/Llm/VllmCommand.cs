using System.Globalization;
using WebOps.Core.Llm;

namespace WebOps.Addons.Docker.Llm;

/// <summary>The vLLM OpenAI server's flags for given settings; optional flags only when they differ from vLLM's default.</summary>
public static class VllmCommand
{
    public static IReadOnlyList<string> Args(LlmSettings settings, int port)
    {
        var args = new List<string>
        {
            "--model", settings.Model,
            "--served-model-name", settings.EffectiveServedModelName,
            "--gpu-memory-utilization", settings.GpuMemoryUtilization.ToString("0.###", CultureInfo.InvariantCulture),
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--host", "0.0.0.0",
        };
        if (settings.Quantization is { } quantization)
        {
            args.AddRange(["--quantization", quantization]);
        }

        if (settings.MaxModelLen is { } length)
        {
            args.AddRange(["--max-model-len", length.ToString(CultureInfo.InvariantCulture)]);
        }

        if (settings.Dtype != LlmSettings.DefaultDtype)
        {
            args.AddRange(["--dtype", settings.Dtype]);
        }

        if (settings.TensorParallelSize != 1)
        {
            args.AddRange(["--tensor-parallel-size", settings.TensorParallelSize.ToString(CultureInfo.InvariantCulture)]);
        }

        return args;
    }
}
