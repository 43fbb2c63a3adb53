using WebOps.Core.Hooks;
using WebOps.Deploys;

namespace WebOps.Tests.Unit.Deploys;

/// <summary>The line that ends every deploy log: the time of each step, so a user sees where a deploy's time went.</summary>
public sealed class StepTimesTests
{
    [Fact]
    public void Every_step_is_listed_in_run_order_with_other_and_the_total()
    {
        var steps = new StepTimes();
        steps.Record(DeploySteps.Build, TimeSpan.FromMilliseconds(1234));
        steps.Record(DeploySteps.Clone, TimeSpan.FromMilliseconds(210));
        steps.Record(DeploySteps.Detect, TimeSpan.FromMilliseconds(4));
        steps.Record(DeploySteps.BuildContext, TimeSpan.FromMilliseconds(15));
        steps.Record(DeploySteps.Start, TimeSpan.FromMilliseconds(300));
        steps.Record(DeploySteps.Ready, TimeSpan.FromMilliseconds(450));
        steps.Record(DeploySteps.Switch, TimeSpan.FromMilliseconds(20));
        steps.Record(DeploySteps.Hooks, TimeSpan.FromMilliseconds(60));

        Assert.Equal(
            "Time per step: clone 0.21 s, detect 0.00 s, build context 0.02 s, build 1.23 s, start 0.30 s, ready 0.45 s, "
            + "switch 0.02 s, hooks 0.06 s, other 0.27 s; total 2.56 s",
            steps.Summary(TimeSpan.FromMilliseconds(2560)));
    }

    [Fact]
    public void A_step_that_did_not_run_shows_a_dash_and_a_repeated_step_is_summed()
    {
        var steps = new StepTimes();
        steps.Record(DeploySteps.Switch, TimeSpan.FromMilliseconds(100));
        steps.Record(DeploySteps.Hooks, TimeSpan.FromMilliseconds(50));
        steps.Record(DeploySteps.Switch, TimeSpan.FromMilliseconds(150));

        Assert.Equal(
            "Time per step: clone -, detect -, build context -, build -, start -, ready -, switch 0.25 s, hooks 0.05 s, other 0.00 s; total 0.20 s",
            steps.Summary(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(TimeSpan.FromMilliseconds(300), steps.Total());
    }

    [Fact]
    public void A_step_an_addon_names_itself_follows_the_known_ones()
    {
        var steps = new StepTimes();
        steps.Record("pull", TimeSpan.FromSeconds(2));
        steps.Record(DeploySteps.Ready, TimeSpan.FromSeconds(1));

        Assert.Equal(
            "Time per step: clone -, detect -, build context -, build -, start -, ready 1.00 s, switch -, hooks -, pull 2.00 s, other 1.00 s; total 4.00 s",
            steps.Summary(TimeSpan.FromSeconds(4)));
    }
}
