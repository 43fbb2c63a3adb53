using System.Net;
using System.Text;
using WebOps.Auth;
using WebOps.Core.Accounts;
using WebOps.Tests.Integration.Auth;

namespace WebOps.Tests.Integration.Security;

/// <summary>
/// Walks every route of the running panel (endpoints and page handlers, read from its route table) with every kind
/// of caller, and checks each answer against <see cref="RoutePermissions"/>: let through, 403, or 401 (the login
/// page for pages).
/// </summary>
public sealed class RoutePermissionTests : IAsyncLifetime
{
    private RolePanel panel = null!;
    private IReadOnlyList<RouteProbe> probes = [];

    private enum Outcome
    {
        Allowed,
        Forbidden,
        Unauthenticated,
    }

    public async Task InitializeAsync()
    {
        panel = await RolePanel.StartAsync();
        probes = await RouteProbe.AllAsync(panel.Panel.Services);
    }

    public async Task DisposeAsync() => await panel.DisposeAsync();

    [Fact]
    public void Every_route_is_in_the_permission_table_and_every_rule_names_a_route()
    {
        Assert.True(probes.Count >= 40, $"only {probes.Count} routes found");
        var missing = probes.Where(p => RoutePermissions.Find(p.Key) is null)
            .Select(p => $"{p.Key}: not in the permission table (src/WebOps/Auth/RoutePermissions.cs); add it with what it needs.");
        var keys = probes.Select(p => p.Key.Lookup).ToHashSet(StringComparer.Ordinal);
        var stale = RoutePermissions.Rules.Where(r => !keys.Contains(r.Key.Lookup))
            .Select(r => $"{r.Key}: in the permission table but the panel has no such route; remove or correct it.");

        // AllowAnonymous skips every policy, the table included, so the table must say such a route is public.
        var hiddenPublic = probes.Where(p => p.AnonymousInCode && RoutePermissions.Find(p.Key) is { IsPublic: false })
            .Select(p => $"{p.Key}: allows anonymous callers in code but the permission table says it needs a permission.");
        Assert.Empty(missing.Concat(stale).Concat(hiddenPublic).Distinct());
    }

    [Fact]
    public async Task Every_route_answers_every_role_and_scope_as_the_table_says()
    {
        var wrong = new List<string>();
        foreach (var probe in probes)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var expected = Expected(RoutePermissions.Find(probe.Key), caller, probe.Reveal);
                var (actual, status, body) = await SendAsync(panel[caller], probe);
                if (actual != expected)
                {
                    wrong.Add($"{probe} as {caller}: expected {expected}, got {status}");
                }
                else if (caller == Caller.ExpiredToken && actual == Outcome.Unauthenticated && !body.Contains("expired", StringComparison.Ordinal))
                {
                    wrong.Add($"{probe} as {caller}: 401 without saying the token expired: {body}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task A_refusal_says_what_the_route_needs_and_what_the_caller_has()
    {
        var refused = await panel[Caller.ReadToken].PostAsync("/api/deployments/blog/deploy", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(
            "POST /api/deployments/{name}/deploy needs the deploy permission; token 'read' (scope read) has read.",
            await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);

        var expired = await panel[Caller.ExpiredToken].GetAsync("/api/deployments");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("API token 'old' expired at", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Outcome Expected(RouteRule? rule, Caller caller, bool reveal)
    {
        var signedIn = caller is not Caller.Anonymous and not Caller.ExpiredToken;
        if (rule is null)
        {
            return signedIn ? Outcome.Forbidden : Outcome.Unauthenticated;
        }

        if (rule.NeedsFor(reveal) is not { } needed)
        {
            return Outcome.Allowed;
        }

        return !signedIn ? Outcome.Unauthenticated : PermissionOf(caller) >= needed ? Outcome.Allowed : Outcome.Forbidden;
    }

    private static Permission PermissionOf(Caller caller) => caller switch
    {
        Caller.ViewerCookie or Caller.ReadToken => Permission.Read,
        Caller.DeployerCookie or Caller.DeployToken => Permission.Deploy,
        Caller.AdminCookie or Caller.AdminToken => Permission.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "signs in as nobody"),
    };

    /// <summary>
    /// Sends the probe with a body that parses (nothing runs: names exist nowhere, and page posts lack the
    /// antiforgery token); only the headers are awaited, so the live event streams do not hold the walk.
    /// </summary>
    private static async Task<(Outcome Outcome, int Status, string Body)> SendAsync(HttpClient client, RouteProbe probe)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
        if (probe.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var status = (int)response.StatusCode;
        var outcome = response.StatusCode switch
        {
            // The push hook is public and answers a delivery without a signature 401 itself: that is the hook
            // refusing the delivery, not the login refusing the caller.
            HttpStatusCode.Unauthorized when probe.Key.Lookup == RouteKey.Api("POST", "/api/hooks/{name}").Lookup
                && (await response.Content.ReadAsStringAsync(timeout.Token)).Contains("signature does not match this hook", StringComparison.Ordinal) => Outcome.Allowed,
            HttpStatusCode.Unauthorized => Outcome.Unauthenticated,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.Redirect when response.Headers.Location?.ToString().Contains("/login", StringComparison.Ordinal) == true => Outcome.Unauthenticated,
            _ => Outcome.Allowed,
        };
        var body = outcome == Outcome.Allowed ? "" : await response.Content.ReadAsStringAsync(timeout.Token);
        return (outcome, status, body);
    }
}
