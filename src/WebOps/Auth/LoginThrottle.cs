using System.Net;
using Microsoft.Extensions.Options;

namespace WebOps.Auth;

/// <summary>
/// Counts failed logins per username and per client address. A key with <see cref="LoginSettings.MaxFailures"/>
/// failures inside its window refuses every try, right password or not, until the window, counted from the key's
/// first failure, has passed.
/// </summary>
/// <remarks>
/// The framework's rate limiters count requests, cannot be told that a try succeeded, and read their own clock;
/// these rules need all three, so this is a small table under one lock instead. Each allowed try is counted as a
/// failure before the password is checked and taken back on success: parallel tries cannot slip more password
/// checks past the limit than it allows. A check that throws stays counted, which errs on the safe side.
/// </remarks>
public sealed class LoginThrottle(TimeProvider clock, IOptions<LoginSettings> options)
{
    private readonly LoginSettings settings = options.Value;
    private readonly Lock gate = new();

    // Ordered by window start, oldest first: expired entries and, beyond the cap, the oldest leave from the front.
    private readonly LinkedList<Window> order = new();
    private readonly Dictionary<string, LinkedListNode<Window>> byKey = new(StringComparer.Ordinal);

    /// <summary>Keys tracked now (for tests and diagnostics).</summary>
    public int TrackedKeys
    {
        get
        {
            lock (gate)
            {
                return byKey.Count;
            }
        }
    }

    /// <summary>Asks before a password is checked; an allowed try is counted as a failure until <see cref="Succeeded"/>.</summary>
    public LoginAttempt Begin(string username, IPAddress? address)
    {
        var keys = LoginKeys.For(username, address);
        var now = clock.GetUtcNow();
        lock (gate)
        {
            DropExpired(now);
            var retryAfter = TimeSpan.Zero;
            foreach (var key in Each(keys))
            {
                if (byKey.TryGetValue(key, out var node) && node.Value.Failures >= settings.MaxFailures)
                {
                    var wait = node.Value.Start + settings.Window - now;
                    retryAfter = wait > retryAfter ? wait : retryAfter;
                }
            }

            if (retryAfter > TimeSpan.Zero)
            {
                return new LoginAttempt(false, retryAfter, keys);
            }

            foreach (var key in Each(keys))
            {
                Count(key, now);
            }

            return new LoginAttempt(true, TimeSpan.Zero, keys);
        }
    }

    /// <summary>
    /// The password was right: the username starts afresh, and the address gets back the one try it was charged,
    /// but keeps the failures it had (a valid account must not reset a guesser's count).
    /// </summary>
    public void Succeeded(LoginAttempt attempt)
    {
        if (!attempt.Allowed)
        {
            return;
        }

        lock (gate)
        {
            Remove(attempt.Keys.Username);
            if (attempt.Keys.Address is { } address)
            {
                Uncount(address);
            }
        }
    }

    /// <summary>
    /// The password was right but the login waits for a second factor: the one failure this try was charged is taken
    /// back from both keys, and nothing earlier is forgiven, so a known password cannot wipe the count that wrong
    /// codes build up.
    /// </summary>
    public void TakeBack(LoginAttempt attempt)
    {
        if (!attempt.Allowed)
        {
            return;
        }

        lock (gate)
        {
            foreach (var key in Each(attempt.Keys))
            {
                Uncount(key);
            }
        }
    }

    private static IEnumerable<string> Each(LoginKeys keys) =>
        keys.Address is null ? [keys.Username] : [keys.Username, keys.Address];

    private void Count(string key, DateTimeOffset now)
    {
        if (byKey.TryGetValue(key, out var node))
        {
            node.Value.Failures++;
            return;
        }

        byKey[key] = order.AddLast(new Window(key, now) { Failures = 1 });
        if (byKey.Count > settings.MaxTrackedKeys)
        {
            Remove(order.First!.Value.Key);
        }
    }

    private void Uncount(string key)
    {
        if (byKey.TryGetValue(key, out var node) && --node.Value.Failures <= 0)
        {
            Remove(key);
        }
    }

    private void DropExpired(DateTimeOffset now)
    {
        while (order.First is { } first && first.Value.Start + settings.Window <= now)
        {
            Remove(first.Value.Key);
        }
    }

    private void Remove(string key)
    {
        if (byKey.Remove(key, out var node))
        {
            order.Remove(node);
        }
    }

    private sealed class Window(string key, DateTimeOffset start)
    {
        public string Key { get; } = key;

        public DateTimeOffset Start { get; } = start;

        public int Failures { get; set; }
    }
}
