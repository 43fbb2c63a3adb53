using System.Text.Json.Nodes;

namespace WebOps.Core.Proxy;

/// <summary>
/// The routes of a swarm deployment (<see cref="ProxySite.Tasks"/>): its names go to every running task, each on its
/// node's address and the port the engine published it on, in turn. The panel keeps that list equal to the running
/// tasks, but a task can go away (update, failure, node down) a few seconds before the list says so; the retries and
/// the passive health below make such a task cost a request a short delay instead of an error.
/// </summary>
public static class CaddyTaskRoutes
{
    /// <summary>
    /// How long a request keeps looking for a task that answers. Longer than <see cref="FailDuration"/>: a request that
    /// finds every task marked down waits for the marks to expire rather than failing at once.
    /// </summary>
    public const string TryDuration = "5s";

    /// <summary>The pause between two tries; short, since another task usually answers at once.</summary>
    public const string TryInterval = "100ms";

    /// <summary>
    /// How long a task that failed a request (Caddy counts any error reaching it, a refused connection included) gets no
    /// new ones: one failure is enough (<c>max_fails</c> 1), since a task that refuses connections is gone, not slow.
    /// </summary>
    public const string FailDuration = "3s";

    /// <summary>
    /// Connecting to a node that vanished (powered off, cut off) gets no answer at all: give up after this and try
    /// another task, well within <see cref="TryDuration"/>.
    /// </summary>
    public const string DialTimeout = "2s";

    public static IEnumerable<JsonObject> For(ProxySite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var tasks = site.Tasks ?? [];
        return site.Domains.Select(domain => CaddyConfig.Route(domain, tasks.Count == 0 ? NoTask(site.Deployment) : Proxy(tasks)));
    }

    /// <summary>
    /// Round robin: the tasks share the load. (The local routes use <c>first</c> because only one slot is healthy at a
    /// time; here every listed task serves, and a GET that meets a gone task is retried on the next.)
    /// </summary>
    private static JsonObject Proxy(IReadOnlyList<string> tasks) => new()
    {
        ["handler"] = "reverse_proxy",
        ["transport"] = new JsonObject { ["protocol"] = "http", ["dial_timeout"] = DialTimeout },
        ["upstreams"] = new JsonArray([.. tasks.Select(t => (JsonNode)new JsonObject { ["dial"] = t })]),
        ["load_balancing"] = new JsonObject
        {
            ["selection_policy"] = new JsonObject { ["policy"] = "round_robin" },
            ["try_duration"] = TryDuration,
            ["try_interval"] = TryInterval,
        },
        ["health_checks"] = new JsonObject
        {
            ["passive"] = new JsonObject { ["fail_duration"] = FailDuration, ["max_fails"] = 1 },
        },
    };

    /// <summary>No task runs (scaled to 0, all failed, not placed yet): say so instead of a proxy with nothing behind it.</summary>
    private static JsonObject NoTask(string deployment) => new()
    {
        ["handler"] = "static_response",
        ["status_code"] = 503,
        ["headers"] = new JsonObject { ["Retry-After"] = new JsonArray("5") },
        ["body"] = $"No task of {deployment} is running on the cluster.\n",
    };
}
