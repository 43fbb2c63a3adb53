namespace WebOps.Core.Addons;

/// <summary>
/// One addon folder found at discovery. An invalid addon stays listed with its <see cref="Errors"/> so operators
/// see why it is not loaded, but its hooks never run.
/// </summary>
public sealed record DiscoveredAddon
{
    /// <summary>The addon's name, which is its folder's name (a valid manifest's <c>name</c> must equal it).</summary>
    public required string Name { get; init; }

    public string Version { get; init; } = "";

    public string Description { get; init; } = "";

    public string Author { get; init; } = "";

    /// <summary>What the addon needs on the host, e.g. <c>docker</c>; checked by <c>webops addons verify</c>.</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>Whether executable hooks receive decrypted env var values.</summary>
    public bool Secrets { get; init; }

    /// <summary>The absolute path of the addon folder.</summary>
    public required string Folder { get; init; }

    /// <summary>The absolute path of <c>addon.yaml</c> (even when the file is missing).</summary>
    public required string ManifestPath { get; init; }

    /// <summary>The manifest path as shown in messages, e.g. <c>addons/slack/addon.yaml</c>.</summary>
    public required string DisplayPath { get; init; }

    /// <summary>SHA-256 of the manifest bytes, lowercase hex; empty when the manifest was not read.</summary>
    public string Checksum { get; init; } = "";

    /// <summary>The hooks that parsed, in manifest order.</summary>
    public IReadOnlyList<HookDefinition> Hooks { get; init; } = [];

    /// <summary>Everything wrong with the addon, each message prefixed with the manifest or folder path.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    public bool IsValid => Errors.Count == 0;
}
