namespace WebOps.Deploys;

public sealed record QueuedRun(int DeploymentId, int RunId);
