namespace WebOps.Proxy;

/// <summary>The proxy service's log lines.</summary>
internal static partial class ProxyLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Edge proxy: started Caddy (pid {Pid}) with admin API at {Admin}, HTTP port {HttpPort}, HTTPS port {HttpsPort}; log in {LogFile}")]
    public static partial void Started(ILogger logger, int pid, string admin, int httpPort, int httpsPort, string logFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edge proxy: Caddy is not installed ('{CaddyPath}' not found) and nothing answers at {Admin}; apps are reachable only on their loopback ports. Install it with `apt-get install caddy`.")]
    public static partial void NotInstalled(ILogger logger, string caddyPath, string admin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edge proxy: Caddy's admin API at {Admin} does not answer: {Reason}. See {LogFile}, or start Caddy (deploy/caddy.service).")]
    public static partial void NotAnswering(ILogger logger, string admin, string reason, string logFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edge proxy: {Why}; starting Caddy again with the routes of {Sites} sites ({Names} names).")]
    public static partial void Relaunching(ILogger logger, string why, int sites, int names);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edge proxy: Caddy was restarted and answers at {Admin} again, {Seconds:0.0} s after the start.")]
    public static partial void Relaunched(ILogger logger, string admin, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Edge proxy: pushed the config to Caddy ({Sites} sites, {Names} names).")]
    public static partial void Pushed(ILogger logger, int sites, int names);

    [LoggerMessage(Level = LogLevel.Error, Message = "Edge proxy: Caddy refused the config")]
    public static partial void PushFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edge proxy: pushing the config to Caddy failed before it answered; trying again in a second")]
    public static partial void PushInterrupted(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Edge proxy: keeping Caddy's config failed; trying again in a second")]
    public static partial void RoundFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Edge proxy: could not start Caddy ('{Caddy}')")]
    public static partial void StartFailed(ILogger logger, Exception error, string caddy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edge proxy: the panel is not served at {PanelDomain}: it listens on no loopback HTTP address ({Addresses}). Add one to --urls, e.g. http://127.0.0.1:8000.")]
    public static partial void NoPanelUpstream(ILogger logger, string panelDomain, string addresses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edge proxy: switching '{Deployment}', Caddy's health checks did not find port {Port} (slot {Slot}) {State} within {Seconds:0} s for {Uris}; going on regardless, so a request may fail. See {SlotLog}.")]
    public static partial void SlotNotSeen(ILogger logger, string deployment, int port, string slot, string state, double seconds, string uris, string slotLog);
}
