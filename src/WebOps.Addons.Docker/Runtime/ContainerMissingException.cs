namespace WebOps.Addons.Docker.Runtime;

/// <summary>An action on an app whose container does not exist (never deployed, or removed).</summary>
public sealed class ContainerMissingException : InvalidOperationException
{
    public ContainerMissingException()
    {
    }

    public ContainerMissingException(string containerName)
        : base($"Container {containerName} does not exist; deploy it first.")
    {
    }

    public ContainerMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
