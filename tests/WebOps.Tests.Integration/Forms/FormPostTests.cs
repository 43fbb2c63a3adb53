using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Forms;

/// <summary>The create form over plain HTTP: antiforgery, and bad input answered inline with nothing saved.</summary>
public sealed class FormPostTests : IAsyncLifetime
{
    private PanelApp panel = null!;
    private HttpClient browser = null!;
    private HttpClient api = null!;

    public async Task InitializeAsync()
    {
        panel = await PanelApp.StartAsync();
        browser = await panel.LoggedInAsync();
        api = await panel.WithTokenAsync();
    }

    public async Task DisposeAsync()
    {
        browser.Dispose();
        api.Dispose();
        await panel.DisposeAsync();
    }

    [Fact]
    public async Task Create_form_without_the_antiforgery_token_is_refused_and_saves_nothing()
    {
        var form = await FormPage.LoadAsync(browser, "/deployments/new");
        Assert.NotNull(form.AntiforgeryToken);

        var response = await form.PostAsync(browser, Fields("forged", "https://example.invalid/x.git"), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/deployments")).GetArrayLength());
    }

    [Fact]
    public async Task Other_forms_carry_an_antiforgery_token_too()
    {
        foreach (var url in new[] { "/login", "/deployments/new", "/addons" })
        {
            var page = await FormPage.LoadAsync(url == "/login" ? panel.Anonymous() : browser, url);
            Assert.True(page.AntiforgeryToken is not null, $"{url} has a form without an antiforgery token");
        }
    }

    [Theory]
    [InlineData("name", "Bad_Name", "name")]
    [InlineData("repo_url", "ext::sh -c id", "repo_url")]
    [InlineData("branch", "-upload-pack", "branch")]
    [InlineData("port", "not-a-port", "port")]
    [InlineData("docker_volumes", "/etc:/x", "docker_volumes")]
    [InlineData("docker_ports", "99999:80", "docker_ports")]
    [InlineData("dockerfile_path", "../Dockerfile", "dockerfile_path")]
    [InlineData("docker_network_mode", "container:x", "docker_network_mode")]
    [InlineData("domains", "https://shop.example.com/", "domains")]
    [InlineData("tls", "sometimes", "tls")]
    public async Task Bad_form_input_is_shown_next_to_the_field_with_values_kept_and_nothing_saved(string field, string value, string shownField)
    {
        var form = await FormPage.LoadAsync(browser, "/deployments/new");
        var fields = Fields("form-app", "https://example.invalid/form.git");
        fields["use_docker"] = "true";
        fields[field] = value;

        var response = await form.PostAsync(browser, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(value), html, StringComparison.Ordinal);
        // The error sits at its field: the input is marked invalid, or the row editor's row carries the error.
        Assert.Matches($"name=\"{shownField}\"[^>]*aria-invalid=\"true\"|has-error\" id=\"[^\"]*{shownField}", html);
        Assert.Contains("field-error", html, StringComparison.Ordinal);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/deployments")).GetArrayLength());
    }

    [Fact]
    public async Task Domains_typed_in_the_form_are_saved_shown_on_the_page_and_in_the_edit_form()
    {
        var repo = await GitRepo.CreateAsync(ProcessAddon.Apps.Static());
        var form = await FormPage.LoadAsync(browser, "/deployments/new");
        var fields = Fields("form-domains", repo.Url);
        fields["project_type"] = "static";
        fields["domains"] = "shop.example.com";
        fields["tls"] = "off";

        var response = await form.PostAsync(browser, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var d = await api.GetFromJsonAsync<JsonElement>("/api/deployments/form-domains");
        Assert.Equal(["shop.example.com"], d.GetProperty("domains").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.Equal("off", d.GetProperty("tls").GetString());
        Assert.Contains("<li>shop.example.com</li>", await browser.GetStringAsync("/deployments/form-domains"), StringComparison.Ordinal);
        var edit = await browser.GetStringAsync("/deployments/form-domains/edit");
        Assert.Matches("name=\"domains\"[^>]*value=\"shop.example.com\"|value=\"shop.example.com\"[^>]*name=\"domains\"", edit);
        Assert.Matches("<option value=\"off\" selected", edit);
    }

    private static Dictionary<string, string> Fields(string name, string repo) => new()
    {
        ["name"] = name,
        ["repo_url"] = repo,
        ["branch"] = "main",
        ["project_type"] = "auto",
        ["docker_network_mode"] = "bridge",
        ["dockerfile_path"] = "Dockerfile",
    };
}
