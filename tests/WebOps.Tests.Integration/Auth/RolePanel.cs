using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Auth;
using WebOps.Core.Accounts;
using WebOps.Data;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Auth;

/// <summary>
/// A real panel with a user of each role (logged in through the login form) and a token of each scope, plus one
/// token that has expired. It only sets these up through the product's own services and pages.
/// </summary>
public sealed class RolePanel : IAsyncDisposable
{
    public const string Password = "correct-horse-battery";

    private readonly Dictionary<Caller, HttpClient> clients = [];

    private RolePanel(PanelApp panel) => Panel = panel;

    public PanelApp Panel { get; }

    public static async Task<RolePanel> StartAsync()
    {
        var panel = new RolePanel(await PanelApp.StartAsync());
        try
        {
            await panel.SetUpAsync();
            return panel;
        }
        catch
        {
            await panel.DisposeAsync();
            throw;
        }
    }

    public HttpClient this[Caller caller] => clients[caller];

    /// <summary>A client logged in through the login form as <paramref name="username"/>.</summary>
    public async Task<HttpClient> LogInAsync(string username, string password = Password)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = Panel.BaseAddress,
        };
        var form = await FormPage.LoadAsync(client, "/login");
        var response = await form.PostAsync(client, new() { ["Username"] = username, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Login as '{username}' failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public async Task<string> CreateTokenAsync(string name, TokenScope scope, TimeSpan? lifetime = null)
    {
        await using var scopeOfServices = Panel.Services.CreateAsyncScope();
        return await scopeOfServices.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync(name, scope, lifetime, CancellationToken.None);
    }

    public HttpClient WithToken(string token)
    {
        var client = Panel.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<WebOpsDbContext, Task<T>> work)
    {
        await using var scope = Panel.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WebOpsDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in clients.Values)
        {
            c.Dispose();
        }

        await Panel.DisposeAsync();
    }

    private async Task SetUpAsync()
    {
        await using (var scope = Panel.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            await accounts.CreateUserAsync("viewer", Password, Role.Viewer, CancellationToken.None);
            await accounts.CreateUserAsync("deployer", Password, Role.Deployer, CancellationToken.None);
        }

        clients[Caller.Anonymous] = Panel.Anonymous();
        clients[Caller.ViewerCookie] = await LogInAsync("viewer");
        clients[Caller.DeployerCookie] = await LogInAsync("deployer");
        clients[Caller.AdminCookie] = await LogInAsync(PanelApp.AdminUser, PanelApp.AdminPassword);
        clients[Caller.ReadToken] = WithToken(await CreateTokenAsync("read", TokenScope.Read));
        clients[Caller.DeployToken] = WithToken(await CreateTokenAsync("deploy", TokenScope.Deploy));
        clients[Caller.AdminToken] = WithToken(await CreateTokenAsync("admin", TokenScope.Admin));

        // Made with a lifetime, then moved into the past: the clock is the real one, and waiting an hour is not a test.
        clients[Caller.ExpiredToken] = WithToken(await CreateTokenAsync("old", TokenScope.Admin, TimeSpan.FromHours(1)));
        await WithDbAsync(async db =>
        {
            var old = await db.ApiTokens.SingleAsync(t => t.Name == "old");
            old.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
    }
}
