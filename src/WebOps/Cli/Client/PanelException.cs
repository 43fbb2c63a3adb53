namespace WebOps.Cli.Client;

/// <summary>The panel could not be asked, or refused: the message says why and what to do; the exit code is 1.</summary>
public sealed class PanelException : Exception
{
    public PanelException(string message) : base(message)
    {
    }

    public PanelException()
    {
    }

    public PanelException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
