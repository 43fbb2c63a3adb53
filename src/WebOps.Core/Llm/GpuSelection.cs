using System.Globalization;

namespace WebOps.Core.Llm;

/// <summary>
/// Which GPUs the container gets: all of them, a count, or specific device ids. Written as <c>all</c>, <c>2</c>,
/// <c>device=1</c> or <c>0,1</c> (a list with a comma means device ids, like <c>docker run --gpus</c>).
/// </summary>
public sealed record GpuSelection
{
    public static readonly GpuSelection All = new(null, []);

    private GpuSelection(int? count, IReadOnlyList<string> deviceIds)
    {
        Count = count;
        DeviceIds = deviceIds;
    }

    /// <summary>Null for all GPUs or for a device list.</summary>
    public int? Count { get; }

    /// <summary>Empty unless specific devices were named.</summary>
    public IReadOnlyList<string> DeviceIds { get; }

    public bool IsAll => Count is null && DeviceIds.Count == 0;

    /// <summary>How many GPUs this names; null for all (the host decides).</summary>
    public int? Known => Count ?? (DeviceIds.Count > 0 ? DeviceIds.Count : null);

    public static GpuSelection OfCount(int count) => new(count, []);

    public static GpuSelection OfDevices(IEnumerable<string> ids) => new(null, [.. ids]);

    public static bool TryParse(string? text, out GpuSelection selection, out string error)
    {
        selection = All;
        error = "";
        var value = text?.Trim() ?? "";
        if (value.Length == 0 || value.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var devices = value.StartsWith("device=", StringComparison.OrdinalIgnoreCase);
        if (!devices && !value.Contains(',', StringComparison.Ordinal))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 64)
            {
                selection = OfCount(count);
                return true;
            }

            error = $"'{value}' is not a GPU choice; use all, a count from 1 to 64, or device ids like 0,1";
            return false;
        }

        var ids = (devices ? value["device=".Length..] : value).Split(',', StringSplitOptions.TrimEntries);
        if (ids.Any(id => id.Length is 0 or > 3 || !id.All(char.IsAsciiDigit)))
        {
            error = $"'{value}' is not a list of GPU device ids; use numbers separated by commas, like 0,1";
            return false;
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            error = $"'{value}' names a GPU device more than once";
            return false;
        }

        selection = OfDevices(ids);
        return true;
    }

    /// <summary>The stored and displayed form: <c>all</c>, <c>2</c> or <c>device=0,1</c>.</summary>
    public override string ToString() =>
        Count is { } count ? count.ToString(CultureInfo.InvariantCulture)
        : DeviceIds.Count > 0 ? "device=" + string.Join(',', DeviceIds)
        : "all";

    public bool Equals(GpuSelection? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
