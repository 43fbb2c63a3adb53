using WebOps.Api;
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
                List(registry, args.Has("--hooks"));
                return 0;
            case ["enable" or "disable", var name]:
                await registry.InitializeAsync(CancellationToken.None);
                if (registry.Addons.All(a => a.Name != name))
                {
                    await Console.Error.WriteLineAsync($"No addon named '{name}'. See: webops addons list");
                    return 1;
                }

                await registry.SetEnabledAsync(name, args.Positional[0] == "enable", CancellationToken.None);
                Console.WriteLine($"Addon '{name}' {args.Positional[0]}d; restart the panel if it is running.");
                return 0;
            case ["verify", var name]:
                var checks = await app.Services.GetRequiredService<AddonVerifier>().VerifyAsync(name, CancellationToken.None);
                foreach (var c in checks)
                {
                    Console.WriteLine($"{(c.Passed ? "✓" : "✗")} {c.Text}");
                }

                return checks.All(c => c.Passed) ? 0 : 1;
            default:
                throw new CliException($"Usage: {Usage}");
        }
    }

    private static void List(AddonRegistry registry, bool hooks)
    {
        foreach (var a in registry.Addons)
        {
            var state = !a.IsValid ? "invalid" : registry.IsEnabled(a.Name) ? "enabled" : "disabled";
            Console.WriteLine($"{a.Name,-20} {a.Version,-10} {state,-9} {a.Description}");
            foreach (var e in a.Errors)
            {
                Console.WriteLine($"    error: {e}");
            }
        }

        if (!hooks)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("Hooks in run order:");
        foreach (var h in AddonsApi.HookOrder(registry))
        {
            Console.WriteLine($"  {h.Event,-16} {h.Order,2}. {h.Addon,-16} priority {h.Priority,-4} {h.Handler ?? h.Run} (timeout {h.TimeoutSeconds:0} s{(h.Always ? ", always" : "")})");
        }
    }
}
