namespace WebOps.Deploys;

/// <summary>An action that makes no sense in the deployment's current state (answered with 409).</summary>
public sealed class ActionRefusedException : Exception
{
    public ActionRefusedException(string message) : base(message)
    {
    }

    public ActionRefusedException()
    {
    }

    public ActionRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
