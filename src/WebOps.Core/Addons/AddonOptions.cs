namespace WebOps.Core.Addons;

/// <summary>Where addons live and the hook defaults; bound from the <c>Addons</c> configuration section.</summary>
public sealed record AddonOptions
{
    /// <summary>The main addons folder; a relative path is resolved against the current directory.</summary>
    public string Path { get; init; } = "addons";

    /// <summary>More folders scanned after <see cref="Path"/>, in order.</summary>
    public IReadOnlyList<string> ExtraPaths { get; init; } = [];

    /// <summary>The time limit of a hook whose manifest gives no <c>timeout</c>.</summary>
    public TimeSpan DefaultHookTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
