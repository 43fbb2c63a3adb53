using WebOps.Core.Deployments;

namespace WebOps.Addons.Docker.Build;

/// <summary>One plain-text line a build step printed, with the level it was logged at.</summary>
public sealed record BuildLine(DeploymentLogLevel Level, string Text);
