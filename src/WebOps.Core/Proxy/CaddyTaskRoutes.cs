using System.Text.Json.Nodes;

namespace WebOps.Core.Proxy;

/// <summary>
/// The routes of a swarm deployment (<see cref="ProxySite.Tasks"/>): its names go to every running task, each on its
/// node's address and the port the engine published it on. The panel keeps that list equal to the running tasks, but a
/// task can go away (update, failure, node down) a few seconds before the list says so; the retries and the passive
/// health below make such a task cost a request without a body nothing but a refused connection, and cost the
/// requests with a body that try it once its <see cref="FailDuration"/> is over (a few at a time under concurrency) a
/// 502 that reached no app.
/// <para>
/// Retries are counted (<c>retries</c>), made at once, without <c>try_duration</c> and its pause between tries:
/// Caddy 2.6 ends a request that a config load finds pausing, or that the replaced config's handler is still serving
/// when it fails, with its last error instead of trying again, and every change of the tasks is a config load.
/// Measured against a real Caddy with one refusing upstream, a live one, 8 clients and a config load every 50 ms: 27
/// GETs of 14,464 answered 502 in 30 s with <c>try_duration</c> 5 s and <c>try_interval</c> 20 ms, none of 33,584 in
/// 60 s with counted retries. The cost: a request that finds every task marked down fails at once instead of waiting
/// for a mark to end.
/// </para>
/// </summary>
public static class CaddyTaskRoutes
{
    /// <summary>
    /// How long a task that failed a request (Caddy counts any error reaching it, a refused connection included) gets no
    /// new ones: one failure is enough (<c>max_fails</c> 1), since a task that refuses connections is gone, not slow.
    /// </summary>
    public const string FailDuration = "3s";

    /// <summary>
    /// Connecting to a node that vanished (powered off, cut off) gets no answer at all: give up after this and try
    /// another task.
    /// </summary>
    public const string DialTimeout = "2s";

    /// <summary>
    /// The methods whose requests carry no body, so a request that met a gone task can be sent again. Caddy 2.6 cannot
    /// send a body twice: the first try closes it, the next task then fails reading it and is marked down as if it were
    /// gone (measured: a POST that met a gone task took the live one out for 3 s, and 39,953 of 40,000 POSTs failed).
    /// </summary>
    public static readonly IReadOnlyList<string> Resendable = ["GET", "HEAD", "OPTIONS"];

    /// <summary>
    /// Per name, two routes to the same tasks: requests without a body (<see cref="Resendable"/>) with retries, the
    /// others without, so such a request that meets a gone task gets a 502 (it reached no app, so sending it again is
    /// safe) and the task is left out for <see cref="FailDuration"/>, instead of failing on the next task and taking it
    /// out too.
    /// </summary>
    public static IEnumerable<JsonObject> For(ProxySite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var tasks = site.Tasks ?? [];
        return site.Domains.SelectMany(domain => tasks.Count == 0
            ? [CaddyConfig.Route(domain, NoTask(site.Deployment))]
            : new[] { CaddyConfig.Route(domain, Proxy(tasks, resend: true), Resendable), CaddyConfig.Route(domain, Proxy(tasks, resend: false)) });
    }

    /// <summary>
    /// Least connections: the tasks share the load, each request going to an available task with the fewest requests
    /// in flight (ties at random). Not <c>round_robin</c>: Caddy 2.6's round robin advances one counter shared by all
    /// requests and tries each task once, so under concurrency a request can step over the only available task and find
    /// none, and a 503. Least connections finds none only when no task is available.
    /// </summary>
    private static JsonObject Proxy(IReadOnlyList<string> tasks, bool resend)
    {
        var balancing = new JsonObject { ["selection_policy"] = new JsonObject { ["policy"] = "least_conn" } };
        if (resend)
        {
            // Each failed task is marked down at once (max_fails 1), so one try per task finds a live one if any is.
            balancing["retries"] = tasks.Count;
        }

        return new()
        {
            ["handler"] = "reverse_proxy",
            ["transport"] = new JsonObject { ["protocol"] = "http", ["dial_timeout"] = DialTimeout },
            ["upstreams"] = new JsonArray([.. tasks.Select(t => (JsonNode)new JsonObject { ["dial"] = t })]),
            ["load_balancing"] = balancing,
            ["health_checks"] = new JsonObject
            {
                ["passive"] = new JsonObject { ["fail_duration"] = FailDuration, ["max_fails"] = 1 },
            },
        };
    }

    /// <summary>No task runs (scaled to 0, all failed, not placed yet): say so instead of a proxy with nothing behind it.</summary>
    private static JsonObject NoTask(string deployment) => new()
    {
        ["handler"] = "static_response",
        ["status_code"] = 503,
        ["headers"] = new JsonObject { ["Retry-After"] = new JsonArray("5") },
        ["body"] = $"No task of {deployment} is running on the cluster.\n",
    };
}
