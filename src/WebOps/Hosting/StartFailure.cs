using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace WebOps.Hosting;

/// <summary>
/// Start failures that come from how the panel was started, not from a fault in it: a setting that does not convert
/// to its type, or an address another program listens on. They are said in one line with what to do, without a stack
/// trace; anything else is a fault and keeps its exception.
/// </summary>
public static partial class StartFailure
{
    /// <summary>The line for <paramref name="e"/>, or null when it is a fault.</summary>
    public static string? Explain(Exception e) => e switch
    {
        IOException { InnerException: AddressInUseException } =>
            $"{e.Message} Another program (or another panel) listens there: stop it, or start the panel on a free address "
            + "with --urls, for example --urls http://127.0.0.1:8001",
        InvalidOperationException { InnerException: not null } when ConfigurationValue().Match(e.Message) is { Success: true } m =>
            $"The setting {m.Groups["key"].Value} is '{m.Groups["value"].Value}', {Expected(m.Groups["type"].Value)}. "
            + $"Fix it where it is set (--{m.Groups["key"].Value}=VALUE, the environment variable {m.Groups["key"].Value.Replace(":", "__", StringComparison.Ordinal)}, "
            + "or appsettings.json) and start the panel again.",
        AggregateException { InnerExceptions: [var only] } => Explain(only),
        _ => null,
    };

    private static string Expected(string type) => type switch
    {
        "System.TimeSpan" => "which is not a duration (such as 00:00:30 for 30 seconds)",
        "System.Boolean" => "which is neither true nor false",
        "System.Int32" or "System.Int64" => "which is not a whole number",
        _ => $"which does not convert to {type}",
    };

    // ConfigurationBinder's message: "Failed to convert configuration value 'abc' at 'Health:Interval' to type 'System.TimeSpan'."
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'\.$", RegexOptions.Singleline)]
    private static partial Regex ConfigurationValue();
}
