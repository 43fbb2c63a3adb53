namespace WebOps.Cli;

/// <summary>The verbs of the <c>webops</c> executable. <c>serve</c> is the default.</summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: webops [VERB] [OPTIONS]

          serve [--data PATH] [--urls URL]     Run the panel (default; http://127.0.0.1:8000, data in ./data)
          admin create --username U [--password P]
                                               Create a user (prompts, or generates and prints a password)
          admin reset-2fa --username U         Turn two-factor login off for a user locked out of it
          token create --name N                Create an API token and print it once
          addons list [--hooks]                List addons (and hooks in run order)
          addons enable|disable NAME           Turn an addon on or off (kept across restarts)
          addons verify NAME                   Check an addon before restarting the panel
          detect PATH [--json] [--type T]      Show what WebOps would deploy from a folder
          systemd render NAME [--env-file PATH] [--reveal-env]
                                               Print the systemd unit of a Docker deployment (its variables go
                                               to an env file: --reveal-env prints that file instead)
          backup [--to FILE]                   Write one consistent archive of the data (database, keys, edge state),
                                               also while the panel runs; default: DATA/backups/webops-TIME.tar.gz
          restore FILE --data DIR              Restore an archive into a new or empty folder DIR

        Every verb takes --data PATH (or WEBOPS_DATA) to choose the data folder.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length == 0 || args[0].StartsWith('-') ? "serve" : args[0];
        var rest = args.Length == 0 || args[0].StartsWith('-') ? args : args[1..];
        try
        {
            return verb switch
            {
                "serve" => await ServeCommand.RunAsync(rest),
                "admin" => await AdminCommand.RunAsync(rest),
                "token" => await TokenCommand.RunAsync(rest),
                "addons" => await AddonsCommand.RunAsync(rest),
                "detect" => DetectCommand.Run(rest, Console.Out, Console.Error),
                "systemd" => await SystemdCommand.RunAsync(rest),
                "backup" => await BackupCommand.RunAsync(rest),
                "restore" => await BackupCommand.RestoreAsync(rest),
                "help" or "--help" or "-h" => Help(0),
                _ => Unknown(verb),
            };
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    private static int Help(int code)
    {
        Console.WriteLine(Usage);
        return code;
    }

    private static int Unknown(string verb)
    {
        Console.Error.WriteLine($"Unknown verb '{verb}'.");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
