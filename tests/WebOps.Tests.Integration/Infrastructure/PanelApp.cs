using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Auth;
using WebOps.Hosting;

namespace WebOps.Tests.Integration.Infrastructure;

/// <summary>
/// The real panel, in process, on a free loopback port, with its own data folder. Tests talk to it over HTTP.
/// </summary>
public sealed class PanelApp : IAsyncDisposable
{
    public const string AdminUser = "tester";
    public const string AdminPassword = "correct-horse-battery";

    private PanelApp(Microsoft.AspNetCore.Builder.WebApplication app, string dataFolder, Uri baseAddress)
    {
        App = app;
        DataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public Microsoft.AspNetCore.Builder.WebApplication App { get; }

    public string DataFolder { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    public static Task<PanelApp> StartAsync(params string[] extraArgs) =>
        StartInFolderAsync(Path.Combine(Path.GetTempPath(), "webops-test-" + Guid.NewGuid().ToString("N")[..8]), extraArgs);

    /// <summary>Starts on an existing data folder (a restart); the admin user is created only once.</summary>
    public static Task<PanelApp> StartInFolderAsync(string data, params string[] extraArgs) => StartCoreAsync(data, settled: true, extraArgs);

    /// <summary>Starts on an existing data folder and returns once it listens, while start-up recovery may still run.</summary>
    public static Task<PanelApp> StartListeningAsync(string data, params string[] extraArgs) => StartCoreAsync(data, settled: false, extraArgs);

    private static async Task<PanelApp> StartCoreAsync(string data, bool settled, string[] extraArgs)
    {
        string[] args =
        [
            "--data", data, "--urls", "http://127.0.0.1:0", "--Deployments:AllowLocalRepos=true",
            "--Logging:LogLevel:Default=Warning",
            // Tests that want the edge proxy turn it on with their own ports; the default would take 80, 443 and 2019.
            "--Proxy:Enabled=false", .. extraArgs,
        ];
        var app = WebOpsApp.Build(args);
        await app.StartAsync();
        // The database is prepared alongside the server's start; the admin below is looked up in it.
        await app.Services.GetRequiredService<StartupRecovery>().DatabaseReady.WaitAsync(TimeSpan.FromMinutes(2));
        if (settled)
        {
            // The server listens before addon discovery and start-up recovery have run; most tests start from a settled panel.
            await app.Services.GetRequiredService<StartupRecovery>().WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var panel = new PanelApp(app, data, new Uri(address));
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        // Looked up, not checked: a password check costs a full hash (PBKDF2, 100,000 rounds), and this runs on every start.
        if (await accounts.FindUserAsync(AdminUser, CancellationToken.None) is null)
        {
            await accounts.CreateUserAsync(AdminUser, AdminPassword, CancellationToken.None);
        }

        return panel;
    }

    /// <summary>A client with no credentials and no redirects followed.</summary>
    public HttpClient Anonymous() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    /// <summary>A client that sends a fresh API token.</summary>
    public async Task<HttpClient> WithTokenAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync("test-" + Guid.NewGuid().ToString("N")[..6], CancellationToken.None);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client logged in through the login form (cookies kept, antiforgery honoured).</summary>
    public async Task<HttpClient> LoggedInAsync()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };
        var form = await FormPage.LoadAsync(client, "/login");
        var response = await form.PostAsync(client, new() { ["Username"] = AdminUser, ["Password"] = AdminPassword });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>Stops the panel but keeps its data folder, to start it again on the same data.</summary>
    public async Task StopAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held open is cleaned with the temp folder.
        }
    }
}
