using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.ProcessAddon;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>Static sites without Docker, created with domains through the API, and their deploy runs.</summary>
internal static class EdgeDeploys
{
    /// <summary>A unique deployment name, so domains built from it never meet another test's.</summary>
    public static string Name(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string name, string[] domains, string tls = "auto")
    {
        var repo = await GitRepo.CreateAsync(Apps.Static());
        return await client.PostAsJsonAsync("/api/deployments",
            new { name, repo_url = repo.Url, project_type = "static", use_docker = false, domains, tls });
    }

    /// <summary>Creates the deployment and waits for its first deploy run to end; returns the run's result and error.</summary>
    public static async Task<(string Result, string? Error)> CreateAndWaitAsync(HttpClient client, string name, string[] domains, string tls = "auto")
    {
        var created = await CreateAsync(client, name, domains, tls);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
            var result = runs.GetArrayLength() > 0 ? runs[0].GetProperty("result").GetString() : null;
            if (result is "succeeded" or "failed")
            {
                return (result, runs[0].GetProperty("error").GetString());
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The deploy of '{name}' did not end within 3 minutes:\n{await ProcessPanel.LogAsync(client, name)}");
    }

    public static async Task DeployAsync(HttpClient client, string name, string[] domains, string tls = "auto")
    {
        var (result, error) = await CreateAndWaitAsync(client, name, domains, tls);
        Assert.True(result == "succeeded", $"Deploy of '{name}' {result}: {error}\n{await ProcessPanel.LogAsync(client, name)}");
    }
}
