namespace WebOps.Core.Llm;

/// <summary>Settings for serving LLM deployments, bound from the configuration section <c>Llm</c>.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary>A pinned vLLM release: a moving tag would change the server under a running deployment on redeploy.</summary>
    public const string DefaultImage = "vllm/vllm-openai:v0.6.6";

    public string Image { get; set; } = DefaultImage;

    /// <summary>
    /// How long a new vLLM container may take to answer: downloading and loading a model takes many minutes, so
    /// a slow start is not a failure; only an exit is.
    /// </summary>
    public TimeSpan StartPeriod { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long pulling the vLLM image (several GB) may take.</summary>
    public TimeSpan PullTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
