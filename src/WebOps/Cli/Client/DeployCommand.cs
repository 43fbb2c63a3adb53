using System.CommandLine;

namespace WebOps.Cli.Client;

/// <summary><c>webops deploy NAME [--follow]</c>: queues a deploy of the branch's latest commit.</summary>
public static class DeployCommand
{
    public static Verb Create()
    {
        var deploy = ClientVerb.Create("deploy", "Deploy a deployment's branch again (with --follow: watch it to the end)", "webops deploy NAME [--follow]");
        var name = CommonOptions.Positional<string>("NAME", "The deployment's name");
        var follow = new Option<bool>("--follow", "-f") { Description = "Stream the deploy log; exit 0 when the deploy succeeded, 1 when it failed" };
        deploy.Arguments.Add(name);
        deploy.Options.Add(follow);
        ClientVerb.SetAction(deploy, (result, client, _) =>
        {
            var deployment = result.GetValue(name)!;
            return QueuedRunVerb.RunAsync(result, client, deployment, "Deploy", result.GetValue(follow), ct =>
                client.PostAsync<RunInfo>(PanelClient.Path(deployment, "deploy"), null, null, ct));
        });
        return deploy;
    }
}
