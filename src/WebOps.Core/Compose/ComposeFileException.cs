namespace WebOps.Core.Compose;

/// <summary>A compose file that cannot be read or parsed; the message names the file and what is wrong.</summary>
public sealed class ComposeFileException(string message) : Exception(message);
