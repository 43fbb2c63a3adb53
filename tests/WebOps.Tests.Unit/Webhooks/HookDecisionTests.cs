using WebOps.Webhooks;

namespace WebOps.Tests.Unit.Webhooks;

/// <summary>Only a push to the deployment's branch, with auto deploy on, deploys; everything else says why not.</summary>
public sealed class HookDecisionTests
{
    private const string Commit = "9f2c1e0d8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d";

    [Fact]
    public void Push_to_the_branch_deploys()
    {
        Assert.Equal(new HookVerdict(true, "push to 'main' (9f2c1e0)", "main"),
            HookDecision.Decide(new DeliveryEvent(DeliveryKind.Push, "push", "main", Commit), "main", autoDeploy: true));
    }

    [Fact]
    public void Generic_push_without_a_branch_deploys_the_deployments_branch()
    {
        Assert.Equal(new HookVerdict(true, "push to 'release'", "release"),
            HookDecision.Decide(new DeliveryEvent(DeliveryKind.Push, "push"), "release", autoDeploy: true));
    }

    [Theory]
    [InlineData(DeliveryKind.Push, "dev", "push to 'dev'; this deployment deploys 'main'")]
    [InlineData(DeliveryKind.Push, "Main", "push to 'Main'; this deployment deploys 'main'")]
    [InlineData(DeliveryKind.Tag, "v1.0", "tag 'v1.0' is not a branch; pushes to 'main' deploy")]
    [InlineData(DeliveryKind.Ping, null, "ping: the hook works; pushes to 'main' deploy")]
    [InlineData(DeliveryKind.Other, null, "event 'issues' is not a push; pushes to 'main' deploy")]
    [InlineData(DeliveryKind.Other, "refs/notes/x", "ref 'refs/notes/x' is neither a branch nor a tag; pushes to 'main' deploy")]
    public void Anything_else_deploys_nothing_and_says_why(DeliveryKind kind, string? reference, string reason)
    {
        var verdict = HookDecision.Decide(new DeliveryEvent(kind, kind == DeliveryKind.Other ? "issues" : "push", reference), "main", autoDeploy: true);

        Assert.False(verdict.Deploy);
        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public void Deleting_the_branch_deploys_nothing()
    {
        Assert.Equal(new HookVerdict(false, "branch 'main' was deleted; nothing to deploy", "main"),
            HookDecision.Decide(new DeliveryEvent(DeliveryKind.Push, "push", "main", new string('0', 40), Deleted: true), "main", autoDeploy: true));
    }

    [Theory]
    [InlineData(DeliveryKind.Push)]
    [InlineData(DeliveryKind.Ping)]
    [InlineData(DeliveryKind.Tag)]
    public void Auto_deploy_off_deploys_nothing_whatever_the_event(DeliveryKind kind)
    {
        var verdict = HookDecision.Decide(new DeliveryEvent(kind, "push", "main"), "main", autoDeploy: false);

        Assert.False(verdict.Deploy);
        Assert.Equal("auto deploy is off: turn on 'Deploy on push' (auto_deploy) to deploy 'main' on push", verdict.Reason);
    }
}
