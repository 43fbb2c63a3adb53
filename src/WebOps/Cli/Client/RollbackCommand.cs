using System.CommandLine;

namespace WebOps.Cli.Client;

/// <summary>
/// <c>webops rollback NAME [--to RUN] [--follow]</c>: puts an earlier release back
/// (<c>POST /api/deployments/NAME/rollback</c> with <c>{"run": N}</c>; without <c>--to</c>, the release before the
/// current one). The panel answers 202 with the queued run, as for a deploy.
/// </summary>
public static class RollbackCommand
{
    public static Verb Create()
    {
        var rollback = ClientVerb.Create("rollback", "Put an earlier release back (default: the one before the current)", "webops rollback NAME [--to RUN] [--follow]");
        var name = CommonOptions.Positional<string>("NAME", "The deployment's name");
        var to = new Option<int?>("--to") { Description = "The deploy run whose release to put back (see `webops status NAME`)", HelpName = "RUN", CustomParser = RunNumber };
        var follow = new Option<bool>("--follow", "-f") { Description = "Stream the log; exit 0 when the rollback succeeded, 1 when it failed" };
        rollback.Arguments.Add(name);
        rollback.Options.Add(to);
        rollback.Options.Add(follow);
        ClientVerb.SetAction(rollback, (result, client, _) =>
        {
            var deployment = result.GetValue(name)!;
            var run = result.GetValue(to);
            var missing = $"the panel at {client.Target.Url} has no rollback (POST {PanelClient.Path(deployment, "rollback")} answered 404): update the panel, "
                + $"or redeploy with `webops deploy {deployment}`.";
            return QueuedRunVerb.RunAsync(result, client, deployment, "Rollback", result.GetValue(follow), ct =>
                client.PostAsync<RunInfo>(PanelClient.Path(deployment, "rollback"), run is null ? new { } : new { run }, missing, ct));
        });
        return rollback;
    }

    private static int? RunNumber(System.CommandLine.Parsing.ArgumentResult result)
    {
        if (result.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var run) && run > 0)
        {
            return run;
        }

        result.AddError($"'{string.Join(' ', result.Tokens.Select(t => t.Value))}' is not a run number: give one (a positive whole number) from `webops status NAME`.");
        return null;
    }
}
