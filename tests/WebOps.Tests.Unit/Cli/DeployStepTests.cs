using WebOps.Cli.Client;

namespace WebOps.Tests.Unit.Cli;

public class DeployStepTests
{
    [Fact]
    public void The_step_follows_the_runbook_through_the_log()
    {
        (string Source, string Message)[] log =
        [
            ("webops", "Deploy #3 queued."),
            ("webops", "Deploy #3 of 'blog' started: file:///r@main"),
            ("git", "Cloning file:///r (branch main)"),
            ("webops", "Detected static: index.html found at the root"),
            ("webops", "Plan: run without Docker"),
            ("addon:docker", "pre_deployment started"),
            ("addon:docker", "pre_deployment succeeded in 0.00 s"),
            ("addon:process", "post_deployment started"),
            ("addon:process", "'blog' answers at http://127.0.0.1:5000"),
            ("webops", "Deploy #3 succeeded in 0.9 s"),
        ];

        var steps = new List<string>();
        var step = DeployStep.Queued;
        foreach (var (source, message) in log)
        {
            step = DeployStep.After(step, new LogEntry(1, 3, DateTimeOffset.UnixEpoch, "info", source, message));
            steps.Add(step);
        }

        Assert.Equal(
            [
                "waiting in the deploy queue",
                "starting",
                "checking out the repository",
                "detecting the project",
                "planning the build",
                "pre_deployment (addon:docker)",
                "pre_deployment (addon:docker)",
                "post_deployment (addon:process)",
                "post_deployment (addon:process)",
                "post_deployment (addon:process)",
            ],
            steps);
    }

    [Fact]
    public void An_app_line_that_ends_in_started_is_not_a_step()
    {
        var line = new LogEntry(1, 3, DateTimeOffset.UnixEpoch, "info", "addon:process", "worker 2 started");

        Assert.Equal("planning the build", DeployStep.After("planning the build", line));
    }
}
