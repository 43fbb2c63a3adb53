using System.Net;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>The panel itself behind the edge at <c>Proxy:PanelDomain</c>: over HTTPS through a real Caddy, no DNS.</summary>
public sealed class EdgePanelDomainTests
{
    [Fact]
    public async Task The_panel_domain_serves_the_login_page_over_https_with_hsts_and_no_deployment_may_take_it()
    {
        await using var caddy = await TestCaddy.StartAsync();
        var domain = $"{EdgeDeploys.Name("panel")}.test";
        await using var panel = await PanelApp.StartAsync(caddy.PanelArgs($"--Proxy:PanelDomain={domain}"));

        var localRoot = Path.Combine(panel.DataFolder, "proxy", "pki", "authorities", "local", "root.crt");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(localRoot) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.True(File.Exists(localRoot), $"Caddy's own CA root never appeared at {localRoot}");
        using var https = EdgeClient.Create(caddy.HttpsPort, await File.ReadAllTextAsync(localRoot));
        var url = $"https://{domain}:{caddy.HttpsPort}/login";
        Assert.Contains("Log in to WebOps", await EdgeClient.EventuallyGetAsync(https, url, TimeSpan.FromSeconds(60)), StringComparison.Ordinal);

        // The panel sees Caddy on loopback over plain HTTP; the forwarded scheme makes the response carry HSTS.
        using (var login = await https.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.True(login.Headers.TryGetValues("Strict-Transport-Security", out var hsts), $"no HSTS header: {login.Headers}");
            Assert.Equal(["max-age=31536000"], hsts);
        }

        // Straight to the panel over HTTP there is no HSTS: it is not a header every response gets.
        using (var anonymous = panel.Anonymous())
        using (var direct = await anonymous.GetAsync("/login"))
        {
            Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
        }

        using var client = await panel.WithTokenAsync();
        var (status, body) = await CreateAsync(client, EdgeDeploys.Name("taker"), domain);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("domains[0]", body, StringComparison.Ordinal);
        Assert.Contains($"'{domain}' is the panel's own domain (Proxy:PanelDomain); choose another name", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deployment_whose_baseDomaindomain_name_is_the_panel_domain_is_refused_on_its_name()
    {
        var baseDomain = $"{EdgeDeploys.Name("apps")}.test";
        await using var panel = await PanelApp.StartAsync($"--Proxy:BaseDomain={baseDomain}", $"--Proxy:PanelDomain=panel.{baseDomain}");
        using var client = await panel.WithTokenAsync();

        using var refused = await EdgeDeploys.CreateAsync(client, "panel", []);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"'panel' would answer at 'panel.{baseDomain}' (Proxy:BaseDomain), the panel's own domain; choose another name", body, StringComparison.Ordinal);

        using var allowed = await EdgeDeploys.CreateAsync(client, EdgeDeploys.Name("site"), []);
        Assert.True(allowed.IsSuccessStatusCode, await allowed.Content.ReadAsStringAsync());
    }

    private static async Task<(HttpStatusCode Status, string Body)> CreateAsync(HttpClient client, string name, string domain)
    {
        using var response = await EdgeDeploys.CreateAsync(client, name, [domain]);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
