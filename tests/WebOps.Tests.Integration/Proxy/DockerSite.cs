using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>
/// A busybox static site in Docker at its own domain (TLS off) on a <see cref="ServedPanel"/>: its container outlives
/// the panel. Its containers and images are removed afterwards, also when the test failed.
/// </summary>
internal sealed class DockerSite : IAsyncDisposable
{
    private readonly ServedPanel panel;
    private readonly GitRepo repo;

    private DockerSite(ServedPanel panel, string name, GitRepo repo)
    {
        this.panel = panel;
        this.repo = repo;
        Name = name;
    }

    public string Name { get; }

    public string Domain => $"{Name}.test";

    public static async Task<DockerSite> DeployAsync(ServedPanel panel, string prefix)
    {
        var repo = await GitRepo.CreateAsync(("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY site/ /www/\n"), ("site/index.html", "version 1"));
        var site = new DockerSite(panel, EdgeDeploys.Name(prefix), repo);
        try
        {
            using (var created = await panel.Api.PostAsJsonAsync("/api/deployments", new
            {
                name = site.Name,
                repo_url = repo.Url,
                use_docker = true,
                project_type = "static",
                port = 8080,
                domains = new[] { site.Domain },
                tls = "off",
            }))
            {
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            }

            await site.WaitSucceededAsync(0);
            await site.EventuallyServesAsync("version 1", TimeSpan.FromSeconds(30));
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    public async Task RedeployAsync(string content)
    {
        await repo.CommitAsync(content, ("site/index.html", content));
        using var run = await panel.Api.PostAsync($"/api/deployments/{Name}/deploy", null);
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        var id = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await WaitSucceededAsync(id - 1);
    }

    /// <summary>Asks the edge, one fresh connection a time, until it answers <paramref name="body"/> (bounded).</summary>
    public async Task EventuallyServesAsync(string body, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{panel.HttpPort}/");
            request.Headers.Host = Domain;
            try
            {
                using var response = await http.SendAsync(request);
                last = $"{(int)response.StatusCode}: {(await response.Content.ReadAsStringAsync()).Trim()}";
                if (response.IsSuccessStatusCode && last.EndsWith(body, StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{Domain} did not answer '{body}' through the edge within {limit.TotalSeconds:0} s; last: {last}\n{panel.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        using var engine = new DockerClientBuilder().WithEndpoint(new Uri(DockerAvailability.Endpoint)).Build();
        var label = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"webops.deployment={Name}"] = true } };
        foreach (var c in await engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = label }))
        {
            await engine.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true });
        }

        foreach (var i in await engine.Images.ListImagesAsync(new ImagesListParameters { Filters = label }))
        {
            try
            {
                await engine.Images.DeleteImageAsync(i.ID, new ImageDeleteParameters { Force = true });
            }
            catch (DockerApiException)
            {
                // Already removed with another tag of the same image.
            }
        }
    }

    private async Task WaitSucceededAsync(int afterRun)
    {
        await DeployWait.ForRunEndAsync(panel.Api, Name, afterRun, minutes: 5);
        var last = (await panel.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{Name}/runs"))[0];
        var logs = string.Join('\n', (await panel.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{Name}/logs")).EnumerateArray()
            .Select(l => l.GetProperty("message").GetString()));
        Assert.True(last.GetProperty("result").GetString() == "succeeded", $"deploy of {Name}: {last.GetProperty("error")}\n{logs}");
    }
}
