namespace WebOps.Addons.Process.Runtime;

/// <summary>What the panel knows about one app without Docker right now.</summary>
public sealed record AppStatus(bool Running, int Pid, int RestartCount, TimeSpan Uptime, long? RssBytes, int? LastExitCode, string Description);
