using System.Runtime.InteropServices;

namespace WebOps.Cli.Client;

/// <summary>Ctrl+C or SIGTERM as a cancellation, so a verb that follows something can say what it leaves running.</summary>
public sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;

    public StopSignal()
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
    }

    public CancellationToken Token => stop.Token;

    public bool Requested => stop.IsCancellationRequested;

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.Cancel();
    }

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        stop.Dispose();
    }
}
