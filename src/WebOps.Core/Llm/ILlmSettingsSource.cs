namespace WebOps.Core.Llm;

/// <summary>Reads a deployment's saved LLM settings (token decrypted), for the hooks that run vLLM.</summary>
public interface ILlmSettingsSource
{
    /// <summary>Null when none were saved yet.</summary>
    Task<LlmSettings?> FindAsync(int deploymentId, CancellationToken cancellationToken);
}
