namespace WebOps.Core.Compose;

/// <summary>
/// A top-level named volume of a compose file: its key, and whether the file fixes the engine's name for it itself
/// (<c>name:</c> or <c>external</c>), in which case the panel leaves it as it is.
/// </summary>
public sealed record ComposeVolume(string Key, bool NamedByFile);
