using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.EndToEnd;

/// <summary>
/// The real panel plus the real engine: deployments are created through the API and everything labelled
/// with the test's deployment names is removed afterwards, also when the test failed.
/// </summary>
public sealed class DeployedApp : IAsyncDisposable
{
    private readonly List<string> names = [];

    private DeployedApp(PanelApp panel, HttpClient api)
    {
        Panel = panel;
        Api = api;
        Engine = new DockerClientBuilder().WithEndpoint(new Uri(DockerAvailability.Endpoint)).Build();
    }

    public PanelApp Panel { get; }

    public HttpClient Api { get; }

    public DockerClient Engine { get; }

    public static async Task<DeployedApp> StartAsync(params string[] args)
    {
        var panel = await PanelApp.StartAsync(
        [
            $"--Docker:StaticBaseImage={TestImages.Nginx}", $"--Docker:PythonBaseImage={TestImages.Python}", .. args,
        ]);
        return new DeployedApp(panel, await panel.WithTokenAsync());
    }

    public string NewName(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        names.Add(name);
        return name;
    }

    /// <summary>Waits (bounded) until the latest deploy run ends; returns the deployment as the API shows it.</summary>
    public Task<JsonElement> WaitForDeployAsync(string name, int afterRun = 0, int minutes = 10) =>
        DeployWait.ForRunEndAsync(Api, name, afterRun, minutes);

    /// <summary>Starts a deploy of <paramref name="name"/>, waits (bounded) until it ends and returns its result and error.</summary>
    public async Task<(string Result, string? Error)> RedeployAsync(string name)
    {
        using var run = await Api.PostAsync($"/api/deployments/{name}/deploy", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, run.StatusCode);
        var id = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await WaitForDeployAsync(name, afterRun: id - 1);
        var last = (await Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0];
        return (last.GetProperty("result").GetString()!, last.GetProperty("error").GetString());
    }

    public async Task<string> LogAsync(string name) =>
        string.Join('\n', (await Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/logs")).EnumerateArray()
            .Select(l => l.GetProperty("message").GetString()));

    /// <summary>GET the app at its reported URL, retrying briefly while it warms up.</summary>
    public static async Task<string> FetchAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await http.GetStringAsync(url);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    public async Task<IList<ContainerListResponse>> ContainersAsync(string name) =>
        await Engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = Label(name) });

    public async Task<IList<ImagesListResponse>> ImagesAsync(string name) =>
        await Engine.Images.ListImagesAsync(new ImagesListParameters { Filters = Label(name) });

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var name in names)
            {
                foreach (var c in await ContainersAsync(name))
                {
                    await Engine.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true });
                }

                foreach (var i in await ImagesAsync(name))
                {
                    try
                    {
                        await Engine.Images.DeleteImageAsync(i.ID, new ImageDeleteParameters { Force = true });
                    }
                    catch (DockerApiException)
                    {
                        // Already removed with another tag of the same image.
                    }
                }
            }
        }
        finally
        {
            Engine.Dispose();
            Api.Dispose();
            await Panel.DisposeAsync();
        }
    }

    private static Dictionary<string, IDictionary<string, bool>> Label(string name) =>
        new() { ["label"] = new Dictionary<string, bool> { [$"webops.deployment={name}"] = true } };
}
