namespace WebOps.Hosting;

/// <summary>
/// Prints the first admin's one-time password as the last thing of the start-up output, so it is not lost among
/// the log lines: after the server listens, the host's own lines, the start-up work that follows listening (addons,
/// recovery, see <see cref="StartupRecovery"/>), and the first lines background services log on their own schedule
/// (the Docker engine, the health monitor), which is once the log has been quiet for <see cref="Settle"/>. It goes to the console rather than through logging: no log level or provider may hide it,
/// and no log file keeps it.
/// </summary>
public sealed class FirstAdminNotice(StartupRecovery recovery, LogActivity activity, TimeProvider clock) : BackgroundService
{
    /// <summary>How long the log must be quiet before the password is printed.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    /// <summary>Printed then at the latest, even while something keeps logging.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private string? password;
    private int printed;

    /// <summary>The lines printed for <paramref name="password"/>; <c>grep -A1 "log in as"</c> finds the password.</summary>
    public static string Text(string password) =>
        "\n"
        + "  WebOps first start: log in as 'admin' with this one-time generated password:\n"
        + $"      {password}\n"
        + "  It is not shown again. Add users with: webops admin create --username NAME\n"
        + "\n";

    /// <summary>Called once the first admin exists; the password is printed when start-up has settled.</summary>
    public void Announce(string generated) => Volatile.Write(ref password, generated);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await recovery.WaitAsync(stoppingToken);
            var since = clock.GetTimestamp();
            while (activity.Quiet < Settle && clock.GetElapsedTime(since) < LongestWait)
            {
                await Task.Delay(Poll, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping already: print now, below.
        }

        Print();
    }

    /// <summary>A panel stopped (or failed) before start-up settled still shows the password: it exists only here.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Print();
    }

    public override void Dispose()
    {
        Print();
        base.Dispose();
    }

    private void Print()
    {
        if (Volatile.Read(ref password) is not { } text || Interlocked.Exchange(ref printed, 1) == 1)
        {
            return;
        }

        Console.Out.Write(Text(text));
        Console.Out.Flush();
    }
}
