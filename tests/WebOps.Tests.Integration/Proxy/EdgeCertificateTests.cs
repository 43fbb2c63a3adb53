using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>The certificates the edge got, as the API shows them: read from the storage of a real Caddy fed by Pebble.</summary>
public sealed class EdgeCertificateTests
{
    [Fact]
    public async Task The_api_shows_pebbles_issuer_for_a_domain_and_caddys_own_ca_for_a_test_name_both_with_a_future_expiry()
    {
        await using var pebble = await Pebble.StartAsync();
        await using var caddy = await TestCaddy.StartAsync();
        await using var panel = await PanelApp.StartAsync(caddy.PanelArgs(
            $"--Proxy:Acme:DirectoryUrl={pebble.DirectoryUrl}",
            $"--Proxy:Acme:TrustedRootsPem={pebble.ListenerCertificate}"));
        using var client = await panel.WithTokenAsync();
        var name = EdgeDeploys.Name("certs");
        string domain = $"{name}.example", local = $"{name}.test";

        await EdgeDeploys.DeployAsync(client, name, [domain, local]);

        var certificates = await IssuedAsync(client, name, TimeSpan.FromSeconds(90));
        Assert.Equal([domain, local], certificates.Select(c => c.GetProperty("domain").GetString()!).ToArray());
        Assert.StartsWith("Pebble Intermediate CA", certificates[0].GetProperty("issuer").GetString(), StringComparison.Ordinal);
        Assert.Equal("Caddy Local Authority - ECC Intermediate", certificates[1].GetProperty("issuer").GetString());
        foreach (var c in certificates)
        {
            Assert.True(c.GetProperty("not_after").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(1), c.ToString());
            Assert.Equal(JsonValueKind.Null, c.GetProperty("error").ValueKind);
        }

        // The detail page shows the same, next to the domain links.
        using var browser = await panel.LoggedInAsync();
        var page = await browser.GetStringAsync($"/deployments/{name}");
        Assert.Contains($"data-certificate=\"{domain}\"", page, StringComparison.Ordinal);
        Assert.Contains("Caddy Local Authority - ECC Intermediate, valid until", page, StringComparison.Ordinal);
        Assert.Contains($"{certificates[0].GetProperty("issuer").GetString()}, valid until", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_the_acme_server_refuses_shows_the_issuance_error_in_the_api()
    {
        var name = EdgeDeploys.Name("refused");
        var domain = $"{name}.example";
        await using var pebble = await Pebble.StartAsync(domain);
        // The panel starts its own Caddy, whose log in the data folder is where the failures are read from.
        await using var panel = await ServedPanel.StartAsync(
            $"--Proxy:Acme:DirectoryUrl={pebble.DirectoryUrl}", $"--Proxy:Acme:TrustedRootsPem={pebble.ListenerCertificate}");

        await EdgeDeploys.DeployAsync(panel.Api, name, [domain]);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        var certificate = default(JsonElement);
        while (DateTime.UtcNow < deadline)
        {
            var d = await panel.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
            certificate = d.GetProperty("certificates").EnumerateArray().Single();
            if (certificate.GetProperty("error").ValueKind == JsonValueKind.String)
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.Equal(domain, certificate.GetProperty("domain").GetString());
        Assert.True(certificate.GetProperty("error").ValueKind == JsonValueKind.String, $"no error for {domain} within 90 s: {certificate}\n{panel.Output}");
        Assert.Contains("forbidden by policy", certificate.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, certificate.GetProperty("not_after").ValueKind);
    }

    /// <summary>The certificates once every name has one; fails showing the last answer after <paramref name="limit"/>.</summary>
    private static async Task<JsonElement[]> IssuedAsync(HttpClient client, string name, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        JsonElement[] last = [];
        while (DateTime.UtcNow < deadline)
        {
            var d = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
            last = [.. d.GetProperty("certificates").EnumerateArray()];
            if (last.Length > 0 && last.All(c => c.GetProperty("not_after").ValueKind != JsonValueKind.Null))
            {
                return last;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"Not every name of '{name}' had a certificate within {limit.TotalSeconds:0} s: [{string.Join(", ", last.Select(c => c.ToString()))}]");
        return last;
    }
}
