using Spectre.Console;

namespace WebOps.Cli.Client;

/// <summary>For a terminal: log lines scroll above a spinner that shows the current step and the time so far.</summary>
public sealed class LiveRunView(IAnsiConsole console, StatusContext status, string title) : IRunView
{
    public void Line(LogEntry line) => console.MarkupLine(LogFormat.Markup(line, TimeZoneInfo.Local));

    public void Step(string step, TimeSpan elapsed) =>
        status.Status($"{Markup.Escape(title)}: [bold]{Markup.Escape(step)}[/] [grey]({LogFormat.Elapsed(elapsed)})[/]");
}
