namespace WebOps.Cli;

/// <summary><c>webops systemd render NAME</c>: prints the unit that would keep a deployment up across reboots.</summary>
public static class SystemdCommand
{
    public static Task<int> RunAsync(string[] raw)
    {
        _ = raw;
        throw new CliException("webops systemd render NAME is not available yet.");
    }
}
