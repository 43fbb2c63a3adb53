using System.CommandLine;
using WebOps.Core.Addons;

namespace WebOps.Cli;

/// <summary><c>webops addons list [--hooks] | enable NAME | disable NAME | verify NAME</c>.</summary>
public static class AddonsCommand
{
    private const string Usage = "webops addons list [--hooks] | enable NAME | disable NAME | verify NAME  [--data PATH]";

    public static Verb Create()
    {
        var addons = new Verb("addons", "List, turn on or off, and check addons", Usage);
        addons.Subcommands.Add(List());
        addons.Subcommands.Add(Toggle("enable", "Turn an addon on (kept across restarts)", enabled: true));
        addons.Subcommands.Add(Toggle("disable", "Turn an addon off (kept across restarts)", enabled: false));
        addons.Subcommands.Add(Verify());
        return addons;
    }

    private static Verb List()
    {
        var list = new Verb("list", "List addons (and, with --hooks, their hooks in run order)", "webops addons list [--hooks] [--data PATH]");
        var hooks = new Option<bool>("--hooks") { Description = "Also list every hook in the order it runs" };
        var data = CommonOptions.Data();
        list.Options.Add(hooks);
        list.Options.Add(data);
        list.SetAction(async (result, ct) =>
        {
            await using var app = await AdminHost.StartAsync(result.GetValue(data));
            var registry = app.Services.GetRequiredService<AddonRegistry>();
            await registry.InitializeAsync(ct);
            Console.Write(AddonListFormatter.Format(registry.Addons, registry.IsEnabled, result.GetValue(hooks)));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Verb Toggle(string verb, string description, bool enabled)
    {
        var command = new Verb(verb, description, $"webops addons {verb} NAME [--data PATH]");
        var name = CommonOptions.Positional<string>("NAME", "The addon's name, as in addons list");
        var data = CommonOptions.Data();
        command.Arguments.Add(name);
        command.Options.Add(data);
        command.SetAction(async (result, ct) =>
        {
            await using var app = await AdminHost.StartAsync(result.GetValue(data));
            var registry = app.Services.GetRequiredService<AddonRegistry>();
            await registry.InitializeAsync(ct);
            var addon = result.GetValue(name)!;
            try
            {
                await registry.SetEnabledAsync(addon, enabled, ct);
            }
            catch (AddonNotFoundException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Failed;
            }

            // The hook runner re-reads the flags before every run, so a running panel picks this up at once.
            Console.WriteLine($"Addon '{addon}' {verb}d.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Verb Verify()
    {
        var verify = new Verb("verify", "Check an addon before restarting the panel", "webops addons verify NAME [--data PATH]");
        var name = CommonOptions.Positional<string>("NAME", "The addon's name, as in addons list");
        var data = CommonOptions.Data();
        verify.Arguments.Add(name);
        verify.Options.Add(data);
        verify.SetAction(async (result, ct) =>
        {
            await using var app = await AdminHost.StartAsync(result.GetValue(data));
            var checks = await app.Services.GetRequiredService<AddonVerifier>().VerifyAsync(result.GetValue(name)!, ct);
            Console.Write(VerifyReport.Format(checks));
            return VerifyReport.ExitCode(checks);
        });
        return verify;
    }
}
