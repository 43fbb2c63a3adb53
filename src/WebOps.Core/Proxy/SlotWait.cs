namespace WebOps.Core.Proxy;

/// <summary>
/// What a switch waits for in the slot log: every route of the deployment has checked <paramref name="slot"/> and got
/// <paramref name="status"/> (200: Caddy has seen the slot's health file and sends it traffic; 404: the file is gone
/// and Caddy sends it nothing new) at least <see cref="Times"/> times. The status proves the check came after the file
/// change; a second one proves the checker had acted on the first (it marks the slot just after the server logs the
/// answer, and asks again only one health interval later).
/// </summary>
public sealed class SlotWait(string slot, IEnumerable<string> uris, int status)
{
    public const int Times = 2;

    private readonly Dictionary<string, int> seen = uris.Distinct(StringComparer.Ordinal).ToDictionary(u => u, _ => 0, StringComparer.Ordinal);

    public bool Done => seen.Values.All(n => n >= Times);

    /// <summary>The routes still waited for, for a log line when the wait runs out.</summary>
    public IReadOnlyList<string> Missing => [.. seen.Where(s => s.Value < Times).Select(s => s.Key).Order(StringComparer.Ordinal)];

    /// <summary>Counts one line of the slot log; returns <see cref="Done"/>.</summary>
    public bool Add(string line)
    {
        if (SlotCheck.Parse(line) is { } check && check.Slot == slot && check.Status == status && seen.TryGetValue(check.Uri, out var n))
        {
            seen[check.Uri] = n + 1;
        }

        return Done;
    }
}
