namespace WebOps.Core.Detection;

/// <summary>Detection found nothing it could deploy; the message says where it looked and what to do.</summary>
public sealed class ProjectDetectionException : Exception
{
    public ProjectDetectionException()
    {
    }

    public ProjectDetectionException(string message) : base(message)
    {
    }

    public ProjectDetectionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
