namespace WebOps.Webhooks;

/// <summary>The hook's log lines: every delivery gets one, accepted or refused.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Hook delivery for '{Name}' from {Provider} ({Event}) answered {Status}: {Result}")]
    public static partial void Accepted(ILogger logger, string name, string provider, string? @event, int status, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hook delivery for '{Name}' from {Provider} ({Event}) refused with {Status}: {Result}")]
    public static partial void Refused(ILogger logger, string name, string provider, string? @event, int status, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hook deliveries arrive faster than they can be saved; the delivery for '{Name}' was logged but not kept in its list")]
    public static partial void Dropped(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save a hook delivery for '{Name}'")]
    public static partial void SaveFailed(ILogger logger, Exception error, string name);
}
