namespace WebOps.Data.Entities;

/// <summary>What the panel last discovered about an addon, and whether an operator enabled it.</summary>
public class AddonRecord
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Version { get; set; }

    public string? Description { get; set; }

    public bool Enabled { get; set; } = true;

    public string? ManifestChecksum { get; set; }

    public DateTimeOffset DiscoveredAt { get; set; }

    /// <summary>Validation errors, one per line; null when the addon is valid.</summary>
    public string? Errors { get; set; }
}
