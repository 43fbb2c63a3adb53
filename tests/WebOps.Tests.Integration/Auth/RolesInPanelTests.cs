using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebOps.Tests.Integration.Auth;

/// <summary>What each role sees and may do in the panel, through its pages and API, on one deployment with a secret.</summary>
public sealed class RolesInPanelTests : IAsyncLifetime
{
    private const string Secret = "s3cret-value-41";
    private RolePanel panel = null!;
    private string name = "";

    public async Task InitializeAsync()
    {
        panel = await RolePanel.StartAsync();
        name = "roles-" + Guid.NewGuid().ToString("N")[..6];
        var created = await panel[Caller.DeployToken].PostAsJsonAsync("/api/deployments", new
        {
            name,
            repo_url = "https://example.invalid/app.git",
            env_vars = new Dictionary<string, string> { ["API_KEY"] = Secret },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    public async Task DisposeAsync() => await panel.DisposeAsync();

    [Fact]
    public async Task A_viewer_sees_the_deployment_without_its_secret_or_any_button_that_changes_it()
    {
        var page = await panel[Caller.ViewerCookie].GetStringAsync($"/deployments/{name}");

        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/deployments/{name}/edit", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/deployments/{name}/delete", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-reveal", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-runtime-log", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/deployments/new\"", await panel[Caller.ViewerCookie].GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await panel[Caller.ViewerCookie].GetAsync($"/deployments/{name}?reveal=1")).StatusCode);
    }

    [Fact]
    public async Task A_deployer_gets_the_buttons_and_can_reveal_but_only_an_admin_can_delete()
    {
        var page = await panel[Caller.DeployerCookie].GetStringAsync($"/deployments/{name}");
        Assert.Contains($"/deployments/{name}/edit", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"deploy\"", page, StringComparison.Ordinal);
        Assert.Contains("data-reveal", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/deployments/{name}/delete", page, StringComparison.Ordinal);
        Assert.Contains(Secret, await panel[Caller.DeployerCookie].GetStringAsync($"/deployments/{name}?reveal=1"), StringComparison.Ordinal);

        Assert.Contains($"/deployments/{name}/delete", await panel[Caller.AdminCookie].GetStringAsync($"/deployments/{name}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_masks_secrets_for_a_read_token_and_refuses_it_the_reveal()
    {
        var masked = await panel[Caller.ReadToken].GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
        Assert.Equal("********", masked.GetProperty("env_vars").GetProperty("API_KEY").GetString());

        var refused = await panel[Caller.ReadToken].GetAsync($"/api/deployments/{name}?reveal=true");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Revealing secrets on GET /api/deployments/{name} needs the deploy permission", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var revealed = await panel[Caller.DeployToken].GetFromJsonAsync<JsonElement>($"/api/deployments/{name}?reveal=true");
        Assert.Equal(Secret, revealed.GetProperty("env_vars").GetProperty("API_KEY").GetString());
    }

    [Fact]
    public async Task Tokens_are_listed_without_their_text_and_a_revoked_one_stops_working()
    {
        var token = await panel.CreateTokenAsync("short-lived", Core.Accounts.TokenScope.Read, TimeSpan.FromDays(30));
        var unused = (await panel[Caller.AdminToken].GetFromJsonAsync<JsonElement>("/api/tokens")).EnumerateArray().Single(t => t.GetProperty("name").GetString() == "short-lived");
        Assert.Equal(JsonValueKind.Null, unused.GetProperty("last_used_at").ValueKind);
        using var client = panel.WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/deployments")).StatusCode);

        var list = await panel[Caller.AdminToken].GetFromJsonAsync<JsonElement>("/api/tokens");
        var listed = list.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "short-lived");
        Assert.Equal(JsonValueKind.String, listed.GetProperty("last_used_at").ValueKind);
        Assert.Equal("read", listed.GetProperty("scope").GetString());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("expires_at").ValueKind);
        Assert.False(listed.GetProperty("expired").GetBoolean());
        Assert.True(list.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "old").GetProperty("expired").GetBoolean());
        Assert.DoesNotContain(token, list.GetRawText(), StringComparison.Ordinal);

        var id = listed.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await panel[Caller.AdminToken].DeleteAsync($"/api/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/deployments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await panel[Caller.AdminToken].DeleteAsync($"/api/tokens/{id}")).StatusCode);
    }

    [Fact]
    public async Task Only_admins_get_the_users_link()
    {
        Assert.Contains("href=\"/users\"", await panel[Caller.AdminCookie].GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/users\"", await panel[Caller.DeployerCookie].GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_logs_in_to_the_dashboard_but_is_refused_the_new_deployment_page()
    {
        using var viewer = await panel.LogInAsync("viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/deployments/new")).StatusCode);
    }
}
