using WebOps.Core.Hooks;
using WebOps.Core.Runtime;

namespace WebOps.Tests.Integration.Docker;

/// <summary>What a kit deploy ended with: what runs (or why nothing does), the deploy log and the hooks' context.</summary>
public sealed record KitDeploy(RunningApp? App, string? Failure, ListLog Log, HookContext Context)
{
    public bool Succeeded => App is not null;

    /// <summary>The container the Docker addon started; fails the test when the deploy started none.</summary>
    public RunningContainer Container => App as RunningContainer
        ?? throw new Xunit.Sdk.XunitException($"The deploy started no container: {Failure}\n{Log.Text}");

    /// <summary>The deployment as its hooks saw it (port decided by the plan, deploy run id).</summary>
    public DeploymentSnapshot Deployment => Context.Deployment;
}
