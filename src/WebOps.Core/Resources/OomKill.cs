using System.Globalization;

namespace WebOps.Core.Resources;

/// <summary>
/// Tells an out-of-memory kill the way users should read it: <c>killed: out of memory (limit 64 MiB)</c>. The engine
/// says so twice: an <c>oom</c> event when it happens (the limit rides along as a container label, since events
/// carry labels but not settings), and <c>State.OOMKilled</c> on the inspected container afterwards.
/// </summary>
public static class OomKill
{
    /// <summary>The container label holding the memory limit in bytes, set only when there is a limit.</summary>
    public const string LimitLabel = "webops.memory_limit";

    public static string Describe(long? limitBytes) => limitBytes is > 0
        ? $"killed: out of memory (limit {ByteSize.Describe(limitBytes.Value)})"
        : "killed: out of memory (no memory limit set: the machine itself ran short)";

    /// <summary>From an inspected container: null unless the kernel killed it for memory.</summary>
    public static string? FromState(bool oomKilled, long? memoryLimitBytes) => oomKilled ? Describe(memoryLimitBytes) : null;

    /// <summary>From an <c>oom</c> event's attributes (the container's labels among them).</summary>
    public static string FromEvent(IReadOnlyDictionary<string, string> attributes) =>
        Describe(attributes.TryGetValue(LimitLabel, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : null);

    /// <summary>The label that lets <see cref="FromEvent"/> name the limit; none without a limit.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Labels(ResourceSettings settings) =>
        settings.MemoryLimitBytes is { } bytes ? [new(LimitLabel, bytes.ToString(CultureInfo.InvariantCulture))] : [];
}
