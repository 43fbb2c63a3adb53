namespace WebOps.Deploys;

/// <summary>Something a watching browser should see at once: a log line or a status change.</summary>
public sealed record LiveEvent(string Deployment, string Kind, object Data);
