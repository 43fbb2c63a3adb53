namespace WebOps.Webhooks;

/// <summary>A correctly signed delivery whose body cannot be read (answered 400 with the message).</summary>
public sealed class HookPayloadException(string message) : Exception(message);
