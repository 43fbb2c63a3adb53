namespace WebOps.Addons.Docker.Engine;

/// <summary>The Docker engine cannot be used: not installed, not running, or the socket is not ours to open.</summary>
public sealed class DockerUnavailableException : Exception
{
    public DockerUnavailableException()
    {
    }

    public DockerUnavailableException(string message)
        : base(message)
    {
    }

    public DockerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
