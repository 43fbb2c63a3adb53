using Microsoft.Extensions.Configuration.Memory;

namespace WebOps.Hosting;

/// <summary>
/// The panel's own log levels, placed below every other configuration source: appsettings.json, environment variables
/// (<c>Logging__LogLevel__Microsoft.EntityFrameworkCore=Information</c>) and arguments
/// (<c>--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information</c>) still override them.
/// Kept in code rather than in an appsettings.json: the panel is started from any folder (systemd starts it in /),
/// and a settings file beside the binary would be found only when the working directory is that folder.
/// </summary>
public static class LoggingDefaults
{
    public static IReadOnlyDictionary<string, string?> Levels { get; } = new Dictionary<string, string?>
    {
        // Every SQL command at Information: some 350 lines of migrations on the first start, more on every page.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",

        // Several lines for every HTTP request; the ASP.NET Core templates keep these at Warning too.
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",

        // The host's errors all come back another way: a failed start or stop is thrown to `serve`, which says it once
        // (in one line when the cause is a setting or a busy address), and a failed background service is logged
        // again at Critical with its exception, which this level keeps.
        ["Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host"] = "Critical",
    };

    public static void AddTo(ConfigurationManager configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
}
