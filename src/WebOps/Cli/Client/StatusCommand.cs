using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace WebOps.Cli.Client;

/// <summary><c>webops status [NAME]</c>: every deployment in a table, or one in detail with its last runs.</summary>
public static class StatusCommand
{
    public static Verb Create()
    {
        var status = ClientVerb.Create("status", "Show every deployment (name, status, health, URL), or one in detail", "webops status [NAME]");
        var name = CommonOptions.Positional<string?>("NAME", "A deployment to show in detail", ArgumentArity.ZeroOrOne);
        status.Arguments.Add(name);
        ClientVerb.SetAction(status, async (result, client, ct) =>
        {
            var console = Terminal.For(result.InvocationConfiguration.Output);
            if (result.GetValue(name) is { } one)
            {
                var d = await client.GetAsync<DeploymentInfo>(PanelClient.Path(one), ct);
                var runs = await client.GetAsync<List<RunInfo>>(PanelClient.Path(one, "runs"), ct);
                console.Write(StatusTables.Detail(d, runs));
                return ExitCodes.Ok;
            }

            var all = await client.GetAsync<List<DeploymentInfo>>("/api/deployments", ct);
            if (all.Count == 0)
            {
                console.WriteLine($"No deployments at {client.Target.Url} yet.");
                return ExitCodes.Ok;
            }

            console.Write(StatusTables.List(all));
            return ExitCodes.Ok;
        });
        return status;
    }
}
