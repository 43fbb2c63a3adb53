namespace WebOps.Deploys;

public sealed record ProcessResult(int ExitCode, string Output, bool TimedOut);
