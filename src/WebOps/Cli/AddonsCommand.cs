using WebOps.Core.Addons;

namespace WebOps.Cli;

/// <summary><c>webops addons list [--hooks] | enable NAME | disable NAME | verify NAME</c>.</summary>
public static class AddonsCommand
{
    private const string Usage = "webops addons list [--hooks] | enable NAME | disable NAME | verify NAME";

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new CliArgs(raw);
        await using var app = await AdminHost.StartAsync(args);
        var registry = app.Services.GetRequiredService<AddonRegistry>();
        switch (args.Positional)
        {
            case ["list"]:
                await registry.InitializeAsync(CancellationToken.None);
                Console.Write(AddonListFormatter.Format(registry.Addons, registry.IsEnabled, args.Has("--hooks")));
                return 0;
            case ["enable" or "disable", var name]:
                await registry.InitializeAsync(CancellationToken.None);
                try
                {
                    await registry.SetEnabledAsync(name, args.Positional[0] == "enable", CancellationToken.None);
                }
                catch (AddonNotFoundException e)
                {
                    await Console.Error.WriteLineAsync(e.Message);
                    return 1;
                }

                // The hook runner re-reads the flags before every run, so a running panel picks this up at once.
                Console.WriteLine($"Addon '{name}' {args.Positional[0]}d.");
                return 0;
            case ["verify", var name]:
                var checks = await app.Services.GetRequiredService<AddonVerifier>().VerifyAsync(name, CancellationToken.None);
                Console.Write(VerifyReport.Format(checks));
                return VerifyReport.ExitCode(checks);
            default:
                throw new CliException($"Usage: {Usage}");
        }
    }
}
