using WebOps.Core.Addons;

namespace WebOps.Api;

public sealed record AddonDto(
    string Name, string? Version, string? Description, string? Author, bool Enabled, bool Valid,
    IReadOnlyList<string> Errors, IReadOnlyList<HookDto> Hooks, string Folder)
{
    public static AddonDto From(DiscoveredAddon a, bool enabled) => new(
        a.Name, a.Version, a.Description, a.Author, enabled, a.IsValid, a.Errors,
        [.. a.Hooks.Select(h => HookDto.From(h, null))], a.Folder);
}
