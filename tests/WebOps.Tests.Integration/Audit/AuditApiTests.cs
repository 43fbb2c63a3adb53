using System.Net;
using System.Text.Json;
using WebOps.Audit;
using WebOps.Tests.Integration.Infrastructure;
using static WebOps.Tests.Integration.Audit.AuditClient;

namespace WebOps.Tests.Integration.Audit;

/// <summary>GET /api/audit and the /audit page: filters, paging newest first, and bad query values named in a 400.</summary>
public sealed class AuditApiTests : IAsyncLifetime
{
    private PanelApp panel = null!;
    private HttpClient api = null!;

    public async Task InitializeAsync()
    {
        panel = await PanelApp.StartAsync();
        api = await WithTokenNamedAsync(panel, "pager");
    }

    public async Task DisposeAsync()
    {
        api.Dispose();
        await panel.DisposeAsync();
    }

    [Fact]
    public async Task Addon_switches_are_recorded_filtered_by_action_actor_and_target_and_paged_newest_first()
    {
        for (var i = 0; i < 3; i++)
        {
            await SwitchAsync(api, "process", "disable");
            await SwitchAsync(api, "process", "enable");
        }

        using var browser = await panel.LoggedInAsync();
        var addonsPage = await FormPage.LoadAsync(browser, "/addons");
        using (var toggled = await addonsPage.PostAsync(browser, new() { ["name"] = "docker", ["enabled"] = "false" }, handlerUrl: "/addons?handler=Toggle"))
        {
            Assert.Equal(HttpStatusCode.Redirect, toggled.StatusCode);
        }

        var all = await EntriesAsync(api, "?action=addon.disable");
        Assert.Equal([("docker", PanelApp.AdminUser, "user"), ("process", "pager", "token"), ("process", "pager", "token"), ("process", "pager", "token")],
            all.Select(e => (e.Target, e.Actor, e.ActorKind)));
        Assert.Equal(3, (await EntriesAsync(api, "?target=process&actor=pager&action=addon.enable")).Count);
        Assert.Equal(["docker"], (await EntriesAsync(api, $"?actor={PanelApp.AdminUser}&action=addon.disable")).Select(e => e.Target));

        // Six switches of process, two a page: three pages, each older than the one before, nothing skipped or repeated.
        var seen = new List<long>();
        long? before = null;
        var pages = 0;
        do
        {
            var (entries, next) = await PageAsync(api, "?target=process&limit=2" + (before is { } b ? $"&before={b}" : ""));
            Assert.InRange(entries.Count, 1, 2);
            seen.AddRange(entries.Select(e => e.Id));
            before = next;
            pages++;
        }
        while (before is not null);

        Assert.Equal(3, pages);
        Assert.Equal(6, seen.Count);
        Assert.Equal(seen.OrderDescending(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?before=-3", "before")]
    [InlineData("?before=later", "before")]
    [InlineData("?action=deploy", "action")]
    [InlineData("?action=login.failed&action=logout", "action")]
    public async Task A_bad_query_value_is_a_400_naming_the_parameter(string query, string parameter)
    {
        using var response = await api.GetAsync("/api/audit" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var errors = problem.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith(parameter + ": ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_lists_entries_newest_first_filters_them_and_says_what_is_wrong_with_a_bad_filter()
    {
        await SwitchAsync(api, "process", "disable");
        await SwitchAsync(api, "process", "enable");
        using var browser = await panel.LoggedInAsync();

        var page = await browser.GetStringAsync("/audit");
        Assert.Contains("<a href=\"/audit\" aria-current=\"page\">", page, StringComparison.Ordinal);
        var enable = page.IndexOf("<a class=\"mono\" href=\"/audit?action=addon.enable\">addon.enable</a>", StringComparison.Ordinal);
        var disable = page.IndexOf("<a class=\"mono\" href=\"/audit?action=addon.disable\">addon.disable</a>", StringComparison.Ordinal);
        Assert.True(enable >= 0 && disable > enable, "the newer enable is listed above the older disable:\n" + page);

        var filtered = await browser.GetStringAsync("/audit?target=process&action=addon.disable");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(filtered, "data-audit-entry="));

        using var bad = await browser.GetAsync("/audit?limit=lots");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("limit: must be a whole number from 1 to 1000, e.g. limit=1", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task SwitchAsync(HttpClient client, string addon, string verb)
    {
        using var response = await client.PostAsync($"/api/addons/{addon}/{verb}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
