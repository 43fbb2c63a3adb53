namespace WebOps.Cli.Client;

/// <summary>Where a followed run shows its log lines and its current step.</summary>
public interface IRunView
{
    void Line(LogEntry line);

    void Step(string step, TimeSpan elapsed);
}
