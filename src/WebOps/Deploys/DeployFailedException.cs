namespace WebOps.Deploys;

/// <summary>A deploy step failed for a reason the user can act on; the message is shown as is.</summary>
public sealed class DeployFailedException : Exception
{
    public DeployFailedException(string message) : base(message)
    {
    }

    public DeployFailedException()
    {
    }

    public DeployFailedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
