using Spectre.Console;

namespace WebOps.Cli.Client;

/// <summary>
/// Spectre.Console over a verb's output. On a terminal: colours and live updates. Redirected: plain text, and lines
/// wide enough that a table row is never wrapped into two (a script reading it gets one row per line).
/// </summary>
public static class Terminal
{
    public static IAnsiConsole For(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (!IsLive(output))
        {
            console.Profile.Width = 400;
        }

        return console;
    }

    /// <summary>True when the output is a terminal that can redraw a spinner line in place.</summary>
    public static bool IsLive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") is not "dumb";
}
