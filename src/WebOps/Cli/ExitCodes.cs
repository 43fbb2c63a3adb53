namespace WebOps.Cli;

/// <summary>What every verb's exit code means.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The verb ran and what it did failed (a failed deploy, a refusal, no panel answering).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: unknown verb or option, missing value.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
