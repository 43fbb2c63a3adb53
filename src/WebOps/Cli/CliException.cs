namespace WebOps.Cli;

/// <summary>A usage error: the message is printed and the exit code is 2.</summary>
public sealed class CliException : Exception
{
    public CliException(string message) : base(message)
    {
    }

    public CliException()
    {
    }

    public CliException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
