namespace WebOps.Core.Deployments;

public sealed class InvalidStatusTransitionException : InvalidOperationException
{
    public InvalidStatusTransitionException(string name, DeploymentStatus from, DeploymentStatus to)
        : base($"Cannot change deployment '{name}' from {from} to {to}.")
    {
        From = from;
        To = to;
    }

    public InvalidStatusTransitionException()
    {
    }

    public InvalidStatusTransitionException(string message) : base(message)
    {
    }

    public InvalidStatusTransitionException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DeploymentStatus From { get; }

    public DeploymentStatus To { get; }
}
