using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>
/// Apps at their own domains, end to end: the real panel drives a real Caddy, which gets certificates from a real
/// ACME server (Pebble) or its own CA; requests go to the edge's ports with the domain as SNI and Host, no DNS.
/// </summary>
public sealed class EdgeProxyTests
{
    private const string AppText = "static without docker";

    [Fact]
    public async Task A_domain_gets_a_certificate_from_the_acme_server_a_test_name_from_caddys_own_ca_and_http_redirects()
    {
        await using var pebble = await Pebble.StartAsync();
        await using var caddy = await TestCaddy.StartAsync();
        await using var panel = await PanelApp.StartAsync(caddy.PanelArgs(
            $"--Proxy:Acme:DirectoryUrl={pebble.DirectoryUrl}",
            $"--Proxy:Acme:TrustedRootsPem={pebble.ListenerCertificate}",
            "--Proxy:Acme:Email=ops@example.com"));
        using var client = await panel.WithTokenAsync();
        var name = EdgeDeploys.Name("edge");
        string domain = $"{name}.example", local = $"{name}.test";

        await EdgeDeploys.DeployAsync(client, name, [domain, local]);

        var d = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
        string[] urls = [$"https://{domain}:{caddy.HttpsPort}/", $"https://{local}:{caddy.HttpsPort}/"];
        Assert.Equal(urls, d.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!).ToArray());
        Assert.Equal(urls[0], d.GetProperty("url").GetString());
        Assert.Equal([domain, local], d.GetProperty("domains").EnumerateArray().Select(u => u.GetString()!).ToArray());

        using var acme = EdgeClient.Create(caddy.HttpsPort, await pebble.RootAsync());
        Assert.Contains(AppText, await EdgeClient.EventuallyGetAsync(acme, urls[0], TimeSpan.FromSeconds(90)), StringComparison.Ordinal);

        using var plain = EdgeClient.Create(caddy.HttpPort);
        using (var redirect = await plain.GetAsync($"http://{domain}:{caddy.HttpPort}/css/site.css"))
        {
            Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
            Assert.StartsWith($"https://{domain}", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.EndsWith("/css/site.css", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var localRoot = Path.Combine(panel.DataFolder, "proxy", "pki", "authorities", "local", "root.crt");
        await EventuallyAsync(() => Task.FromResult(File.Exists(localRoot)), $"Caddy's own CA root at {localRoot}");
        using var internalCa = EdgeClient.Create(caddy.HttpsPort, await File.ReadAllTextAsync(localRoot));
        Assert.Contains(AppText, await EdgeClient.EventuallyGetAsync(internalCa, urls[1], TimeSpan.FromSeconds(60)), StringComparison.Ordinal);
        // The .test name is not signed by the ACME server: each name went to its own issuer.
        await Assert.ThrowsAsync<HttpRequestException>(() => acme.GetAsync(urls[1]));
    }

    [Fact]
    public async Task A_tls_off_domain_is_served_over_http_and_the_routes_are_back_within_5_s_after_caddy_restarts()
    {
        await using var caddy = await TestCaddy.StartAsync();
        await using var panel = await PanelApp.StartAsync(caddy.PanelArgs());
        using var client = await panel.WithTokenAsync();
        var name = EdgeDeploys.Name("plain");
        var domain = $"{name}.example";

        await EdgeDeploys.DeployAsync(client, name, [domain], tls: "off");

        var url = $"http://{domain}:{caddy.HttpPort}/";
        var d = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
        Assert.Equal(url, d.GetProperty("url").GetString());
        Assert.Equal("off", d.GetProperty("tls").GetString());
        using var http = EdgeClient.Create(caddy.HttpPort);
        Assert.Contains(AppText, await EdgeClient.EventuallyGetAsync(http, url, TimeSpan.FromSeconds(30)), StringComparison.Ordinal);

        await caddy.KillAsync();
        await EventuallyAsync(async () => await ProxyHealthAsync(panel) == "not answering", "healthz says the proxy is not answering");
        await caddy.StartAgainAsync();
        var restarted = Stopwatch.StartNew();

        Assert.Contains(AppText, await EdgeClient.EventuallyGetAsync(http, url, TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        Assert.True(restarted.Elapsed < TimeSpan.FromSeconds(5), $"routes came back after {restarted.Elapsed}");
        Assert.Equal("ok", await ProxyHealthAsync(panel));
    }

    [Fact]
    public async Task Serve_starts_its_own_caddy_when_none_answers_and_it_outlives_the_panel()
    {
        int admin = DockerTestKit.FreePort(), httpPort = DockerTestKit.FreePort(), httpsPort = DockerTestKit.FreePort();
        var panel = await PanelApp.StartAsync(
            "--Proxy:Enabled=true", $"--Proxy:AdminAddress=127.0.0.1:{admin}", $"--Proxy:HttpPort={httpPort}", $"--Proxy:HttpsPort={httpsPort}", $"--Proxy:SlotHealthPort={DockerTestKit.FreePort()}");
        var pidFile = Path.Combine(panel.DataFolder, "proxy", "caddy.pid");
        try
        {
            await EventuallyAsync(async () => await ProxyHealthAsync(panel!) == "ok", "healthz says the proxy is ok");
            Assert.True(File.Exists(pidFile), $"no pid file at {pidFile}");
            Assert.True(File.Exists(Path.Combine(panel.DataFolder, "proxy", "caddy.json")));
            using var client = await panel.WithTokenAsync();
            var name = EdgeDeploys.Name("own");
            await EdgeDeploys.DeployAsync(client, name, [$"{name}.example"], tls: "off");
            using var http = EdgeClient.Create(httpPort);
            var url = $"http://{name}.example:{httpPort}/";
            Assert.Contains(AppText, await EdgeClient.EventuallyGetAsync(http, url, TimeSpan.FromSeconds(30)), StringComparison.Ordinal);

            var pid = await File.ReadAllTextAsync(pidFile);
            await panel.StopAsync();
            panel = null;

            // The static site was served by the panel and stopped with it; Caddy itself still runs with the routes.
            using var adminApi = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            Assert.Contains($"{name}.example", await adminApi.GetStringAsync($"http://127.0.0.1:{admin}/config/"), StringComparison.Ordinal);
            Assert.Equal(pid, await File.ReadAllTextAsync(pidFile));
        }
        finally
        {
            // The Caddy the panel started lives in its own session: end it by its pid, even after a failure.
            await EventuallyAsync(() => Task.FromResult(File.Exists(pidFile)), "Caddy's pid file", TimeSpan.FromSeconds(10), fail: false);
            EdgeProcess.KillByPidFile(pidFile);
            if (panel is not null)
            {
                await panel.DisposeAsync();
            }
            else
            {
                Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(pidFile))!, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Without_caddy_healthz_says_not_installed_and_a_deploy_with_domains_fails_naming_apt_get_install_caddy()
    {
        int admin = DockerTestKit.FreePort(), httpPort = DockerTestKit.FreePort(), httpsPort = DockerTestKit.FreePort();
        await using var panel = await PanelApp.StartAsync(
            "--Proxy:Enabled=true", "--Proxy:CaddyPath=/nonexistent/webops-test/caddy", $"--Proxy:AdminAddress=127.0.0.1:{admin}",
            $"--Proxy:HttpPort={httpPort}", $"--Proxy:HttpsPort={httpsPort}", $"--Proxy:SlotHealthPort={DockerTestKit.FreePort()}");
        using var client = await panel.WithTokenAsync();

        Assert.Equal("not installed", await ProxyHealthAsync(panel));
        using (var healthz = await panel.Anonymous().GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        }

        var name = EdgeDeploys.Name("nocaddy");
        var (result, error) = await EdgeDeploys.CreateAndWaitAsync(client, name, [$"{name}.example"]);

        Assert.Equal("failed", result);
        Assert.Contains("Caddy is not installed", error, StringComparison.Ordinal);
        Assert.Contains("apt-get install caddy", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_domain_another_deployment_uses_is_refused_naming_it_and_bad_names_carry_their_row()
    {
        await using var panel = await PanelApp.StartAsync();
        using var client = await panel.WithTokenAsync();
        var first = EdgeDeploys.Name("owner");
        var domain = $"{first}.example";
        using (var created = await EdgeDeploys.CreateAsync(client, first, [domain]))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var second = EdgeDeploys.Name("taker");
        using var clash = await EdgeDeploys.CreateAsync(client, second, [$"www.{domain}", domain]);
        var body = await clash.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        Assert.Contains("domains[1]", body, StringComparison.Ordinal);
        Assert.Contains($"is already used by deployment '{first}'", body, StringComparison.Ordinal);

        using var patch = await client.PatchAsJsonAsync($"/api/deployments/{first}", new { domains = new[] { domain, "https://Shop.example/" } });
        var patchBody = await patch.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
        Assert.Contains("domains[1]", patchBody, StringComparison.Ordinal);
        Assert.Contains("is a URL", patchBody, StringComparison.Ordinal);

        // Its own domain again is no clash; with the edge off there is no public URL, so url stays unset until deployed.
        using var keep = await client.PatchAsJsonAsync($"/api/deployments/{first}", new { domains = new[] { domain, $"shop.{domain}" }, tls = "off" });
        Assert.True(keep.IsSuccessStatusCode, await keep.Content.ReadAsStringAsync());
        var d = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{first}");
        Assert.Equal([domain, $"shop.{domain}"], d.GetProperty("domains").EnumerateArray().Select(u => u.GetString()!).ToArray());
        Assert.Equal("off", d.GetProperty("tls").GetString());
        Assert.Equal(0, d.GetProperty("urls").GetArrayLength());
    }

    private static async Task<string?> ProxyHealthAsync(PanelApp panel)
    {
        using var anonymous = panel.Anonymous();
        using var response = await anonymous.GetAsync("/healthz");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proxy").GetString();
    }

    internal static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null, bool fail = true)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        if (fail)
        {
            Assert.Fail($"Still not true after {(limit ?? TimeSpan.FromSeconds(30)).TotalSeconds:0} s: {what}");
        }
    }
}
