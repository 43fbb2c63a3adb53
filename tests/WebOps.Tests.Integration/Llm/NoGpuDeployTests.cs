using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.EndToEnd;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Llm;

/// <summary>An LLM deploy on this engine (no NVIDIA runtime): it must fail at once, before anything is pulled or created.</summary>
public sealed class NoGpuDeployTests
{
    [DockerFact]
    public async Task Llm_deploy_without_gpu_runtime_fails_with_the_toolkit_message_and_creates_nothing()
    {
        // An image name that exists nowhere: reaching a pull would fail differently and be visible in the log.
        await using var world = await DeployedApp.StartAsync("--Llm:Image=webops-test/vllm-openai:never-pulled");
        var name = world.NewName("llm");
        var repo = await GitRepo.CreateAsync(("vllm.yaml", "model: Qwen/Qwen2.5-0.5B-Instruct\n"), ("README.md", "A model server.\n"));

        var created = await world.Api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true, project_type = "llm" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0, (await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs")).GetArrayLength());
        var saved = await world.Api.PutAsJsonAsync($"/api/deployments/{name}/llm", new { model = "Qwen/Qwen2.5-0.5B-Instruct" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var run = await world.Api.PostAsync($"/api/deployments/{name}/deploy", null);
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        var runId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var d = await world.WaitForDeployAsync(name, afterRun: runId - 1, minutes: 2);

        Assert.Equal("failed", d.GetProperty("status").GetString());
        var error = (await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0].GetProperty("error").GetString()!;
        Assert.Matches(
            @"^Addon 'docker' failed in pre_deployment: No GPU runtime on this Docker host: the engine lists runtimes \[[^\]]*\brunc\b[^\]]*\]; install the NVIDIA Container Toolkit and restart Docker, then redeploy\.$",
            error);
        Assert.Empty(await world.ContainersAsync(name));
        var log = await world.LogAsync(name);
        Assert.DoesNotContain("Pulling", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Generated", log, StringComparison.Ordinal);
    }
}
