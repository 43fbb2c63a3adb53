using System.CommandLine;
using WebOps.Cli.Client;

namespace WebOps.Cli;

/// <summary>
/// The verbs of the <c>webops</c> executable. <c>serve</c> is the default: with no verb the root runs it, and options
/// it does not know are passed on to the panel as configuration (<c>--Section:Key=value</c>).
/// </summary>
public static class CommandLine
{
    public static Task<int> RunAsync(string[] args) => CliRunner.InvokeAsync(Build(), args, Console.Out, Console.Error);

    public static RootCommand Build()
    {
        var root = new RootCommand("WebOps: a self-hosted deployment panel. With no verb, runs the panel (serve).");
        ServeCommand.AddTo(root);
        foreach (var verb in Verbs())
        {
            root.Subcommands.Add(verb);
        }

        root.Subcommands.Add(HelpCommand.Create(root));
        return root;
    }

    private static IEnumerable<Command> Verbs() =>
    [
        ServeCommand.Create(),
        AdminCommand.Create(),
        TokenCommand.Create(),
        AddonsCommand.Create(),
        ClusterCommand.Create(),
        DetectCommand.Create(),
        SystemdCommand.Create(),
        BackupCommand.CreateBackup(),
        BackupCommand.CreateRestore(),
        LoginCommand.Create(),
        StatusCommand.Create(),
        DeployCommand.Create(),
        RollbackCommand.Create(),
        LogsCommand.Create(),
    ];
}
