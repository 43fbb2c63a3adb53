namespace WebOps.Core.Systemd;

/// <summary>
/// What installing a deployment's unit writes: the unit text (no secrets; world-readable like any unit) and the
/// environment file it points at (the app's variables; mode 0600).
/// </summary>
public sealed record UnitFiles(string Unit, string Environment);
