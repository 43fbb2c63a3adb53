namespace WebOps.Core.Proxy;

/// <summary>The edge did not take a deployment's new route; the message names the deployment, the port and why.</summary>
public sealed class EdgeSwitchException(string message) : Exception(message);
