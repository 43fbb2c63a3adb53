using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Forms;

/// <summary>The LLM settings in the create/edit form over plain HTTP: checked with the deployment, saved with it.</summary>
public sealed class LlmFormTests : IAsyncLifetime
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
    public async Task Bad_gpu_memory_utilization_is_shown_at_its_field_and_nothing_is_saved()
    {
        var form = await FormPage.LoadAsync(browser, "/deployments/new");
        var fields = Fields("chat-bad");
        fields["llm.gpu_memory_utilization"] = "1.5";

        var response = await form.PostAsync(browser, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("name=\"llm.gpu_memory_utilization\"[^>]*value=\"1.5\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("GPU memory utilization must be more than 0 and at most 1", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Qwen/Qwen2.5-0.5B-Instruct\"", html, StringComparison.Ordinal);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/deployments")).GetArrayLength());
    }

    [Fact]
    public async Task Missing_model_and_a_bad_name_are_both_shown_at_once()
    {
        var form = await FormPage.LoadAsync(browser, "/deployments/new");
        var fields = Fields("Bad_Name");
        fields["llm.model"] = "";

        var html = await (await form.PostAsync(browser, fields)).Content.ReadAsStringAsync();

        Assert.Matches("name=\"name\"[^>]*aria-invalid=\"true\"", html);
        Assert.Matches("name=\"llm.model\"[^>]*aria-invalid=\"true\"", html);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/deployments")).GetArrayLength());
    }

    [Fact]
    public async Task Valid_llm_form_saves_the_settings_with_the_token_masked_and_queues_the_first_deploy()
    {
        var form = await FormPage.LoadAsync(browser, "/deployments/new");

        var response = await form.PostAsync(browser, Fields("chat-ok"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/deployments/chat-ok", response.Headers.Location?.OriginalString);
        var llm = await api.GetFromJsonAsync<JsonElement>("/api/deployments/chat-ok/llm");
        Assert.Equal("Qwen/Qwen2.5-0.5B-Instruct", llm.GetProperty("model").GetString());
        Assert.Equal(0.5, llm.GetProperty("gpu_memory_utilization").GetDouble());
        Assert.Equal("********", llm.GetProperty("hf_token").GetString());
        Assert.Equal(1, (await api.GetFromJsonAsync<JsonElement>("/api/deployments/chat-ok/runs")).GetArrayLength());

        var detail = await browser.GetStringAsync("/deployments/chat-ok");
        Assert.Contains("data-llm-model>Qwen/Qwen2.5-0.5B-Instruct<", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hf_secret123", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_with_the_masked_token_left_in_place_keeps_the_saved_token()
    {
        await (await FormPage.LoadAsync(browser, "/deployments/new")).PostAsync(browser, Fields("chat-edit"));
        var edit = await FormPage.LoadAsync(browser, "/deployments/chat-edit/edit");
        Assert.Matches("name=\"llm.hf_token\"[^>]*value=\"\\*{8}\"", edit.Html);
        var fields = Fields("chat-edit");
        fields.Remove("name");
        fields["llm.hf_token"] = "********";
        fields["llm.gpus"] = "1";

        var response = await edit.PostAsync(browser, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var llm = await api.GetFromJsonAsync<JsonElement>("/api/deployments/chat-edit/llm?reveal=true");
        Assert.Equal("1", llm.GetProperty("gpus").GetString());
        Assert.Equal("hf_secret123", llm.GetProperty("hf_token").GetString());
    }

    private static Dictionary<string, string> Fields(string name) => new()
    {
        ["name"] = name,
        ["repo_url"] = "https://example.invalid/chat.git",
        ["branch"] = "main",
        ["project_type"] = "llm",
        ["docker_network_mode"] = "bridge",
        ["dockerfile_path"] = "Dockerfile",
        ["llm.model"] = "Qwen/Qwen2.5-0.5B-Instruct",
        ["llm.gpu_memory_utilization"] = "0.5",
        ["llm.quantization"] = "none",
        ["llm.dtype"] = "auto",
        ["llm.tensor_parallel_size"] = "1",
        ["llm.gpus"] = "all",
        ["llm.cache_volume"] = "webops-hf-cache",
        ["llm.hf_token"] = "hf_secret123",
    };
}
