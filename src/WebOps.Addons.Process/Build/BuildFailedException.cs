namespace WebOps.Addons.Process.Build;

/// <summary>A build step of a deployment without Docker failed; the message says which, why and what to do.</summary>
public sealed class BuildFailedException : Exception
{
    public BuildFailedException()
    {
    }

    public BuildFailedException(string message)
        : base(message)
    {
    }

    public BuildFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
