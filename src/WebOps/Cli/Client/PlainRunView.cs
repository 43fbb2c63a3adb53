namespace WebOps.Cli.Client;

/// <summary>For output that is not a terminal: one plain line per log line, nothing redrawn.</summary>
public sealed class PlainRunView(TextWriter output) : IRunView
{
    public void Line(LogEntry line)
    {
        output.WriteLine(LogFormat.Plain(line, TimeZoneInfo.Local));
        output.Flush();
    }

    public void Step(string step, TimeSpan elapsed)
    {
        // The steps can be read from the lines; a script wants no progress chatter.
    }
}
