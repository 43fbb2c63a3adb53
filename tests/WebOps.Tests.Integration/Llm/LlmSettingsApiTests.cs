using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Llm;

public sealed class LlmSettingsApiTests : IAsyncLifetime
{
    private PanelApp panel = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        panel = await PanelApp.StartAsync();
        client = await panel.WithTokenAsync();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await panel.DisposeAsync();
    }

    [Fact]
    public async Task Settings_show_defaults_until_saved_then_keep_the_token_masked_and_encrypted()
    {
        await CreateAsync("chat", "llm");

        var before = await client.GetFromJsonAsync<JsonElement>("/api/deployments/chat/llm");
        Assert.False(before.GetProperty("configured").GetBoolean());
        Assert.Equal(0.9, before.GetProperty("gpu_memory_utilization").GetDouble());
        Assert.Equal("webops-hf-cache", before.GetProperty("cache_volume").GetString());
        Assert.Equal("vllm/vllm-openai:v0.6.6", before.GetProperty("image").GetString());
        Assert.Equal(1200, before.GetProperty("start_period_seconds").GetInt64());

        var put = await client.PutAsJsonAsync("/api/deployments/chat/llm", new
        {
            model = "Qwen/Qwen2.5-0.5B-Instruct",
            gpu_memory_utilization = 0.5,
            quantization = "awq",
            gpus = "0,1",
            tensor_parallel_size = 2,
            hf_token = "hf_abcdef123456",
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var masked = await client.GetFromJsonAsync<JsonElement>("/api/deployments/chat/llm");
        Assert.True(masked.GetProperty("configured").GetBoolean());
        Assert.Equal("Qwen/Qwen2.5-0.5B-Instruct", masked.GetProperty("effective_served_model_name").GetString());
        Assert.Equal("device=0,1", masked.GetProperty("gpus").GetString());
        Assert.Equal("********", masked.GetProperty("hf_token").GetString());
        var revealed = await client.GetFromJsonAsync<JsonElement>("/api/deployments/chat/llm?reveal=true");
        Assert.Equal("hf_abcdef123456", revealed.GetProperty("hf_token").GetString());
        Assert.DoesNotContain("hf_abcdef123456", await ReadTokenColumnAsync(), StringComparison.Ordinal);

        // Sending back the masked token (as a form does) keeps it.
        await client.PutAsJsonAsync("/api/deployments/chat/llm", new { model = "Qwen/Qwen2.5-0.5B-Instruct", hf_token = "********" });
        var kept = await client.GetFromJsonAsync<JsonElement>("/api/deployments/chat/llm?reveal=true");
        Assert.Equal("hf_abcdef123456", kept.GetProperty("hf_token").GetString());
        Assert.Equal("all", kept.GetProperty("gpus").GetString());
    }

    [Fact]
    public async Task Invalid_settings_are_refused_with_field_paths_and_nothing_is_saved()
    {
        await CreateAsync("bad", "llm");

        var put = await client.PutAsJsonAsync("/api/deployments/bad/llm", new { model = "Qwen/Qwen2.5-0.5B-Instruct", gpu_memory_utilization = 1.5, dtype = "float8" });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("must be more than 0 and at most 1", problem.GetProperty("errors").GetProperty("llm.gpu_memory_utilization")[0].GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("llm.dtype", out _));
        Assert.False((await client.GetFromJsonAsync<JsonElement>("/api/deployments/bad/llm")).GetProperty("configured").GetBoolean());

        var unknown = await client.PutAsJsonAsync("/api/deployments/bad/llm", new { model = "gpt2", gpu_count = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Deployments_of_another_type_have_no_llm_settings()
    {
        await CreateAsync("site", "static");

        var get = await client.GetAsync("/api/deployments/site/llm");
        var put = await client.PutAsJsonAsync("/api/deployments/site/llm", new { model = "gpt2" });

        Assert.Equal(HttpStatusCode.Conflict, get.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Contains("has project_type static; LLM settings belong to llm deployments", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/deployments/nope/llm")).StatusCode);
    }

    private async Task CreateAsync(string name, string type)
    {
        var created = await client.PostAsJsonAsync("/api/deployments", new { name, repo_url = "https://example.invalid/x.git", project_type = type, use_docker = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private async Task<string> ReadTokenColumnAsync()
    {
        var file = Directory.GetFiles(panel.DataFolder, "*.db").Single();
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT hf_token FROM deployment_llm_settings";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
