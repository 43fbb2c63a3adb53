using System.Collections.Concurrent;
using Microsoft.Playwright;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Browser;

/// <summary>
/// One real panel process and one headless Debian Chromium, shared by the browser tests. Every deployment name a
/// test registers with <see cref="Track"/> has its Docker containers and images removed at the end.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Chromium shows a load that failed (the address it could not load is not kept).</summary>
    private const string ErrorPage = "chrome-error:";

    private readonly ConcurrentBag<string> deployments = [];
    private readonly ConcurrentDictionary<IBrowserContext, ConcurrentQueue<string>> scriptErrors = new();
    private IPlaywright? playwright;

    public PanelProcess Panel { get; private set; } = null!;

    /// <summary>Holds a deployment's deploy runs in pre_deployment while a test says so.</summary>
    public DeployGate Gate { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Generous waits on real conditions: this machine also builds images and runs other suites at the same time.
        Assertions.SetDefaultExpectTimeout(20_000);
        Panel = await PanelProcess.StartAsync(Gate.PanelArgs);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            // Debian's Chromium: Playwright's own browser download is not available here.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A unique deployment name, cleaned up in Docker after the tests.</summary>
    public string NewDeploymentName()
    {
        var name = "ui-" + Guid.NewGuid().ToString("N")[..8];
        Track(name);
        return name;
    }

    public void Track(string deployment) => deployments.Add(deployment);

    /// <summary>Fails on uncaught script errors and console errors of the panel's pages in the page's browser context.</summary>
    public void AssertNoScriptErrors(IPage page)
    {
        var errors = scriptErrors.TryGetValue(page.Context, out var found) ? found.ToList() : [];
        Assert.True(errors.Count == 0, "Script errors:\n" + string.Join('\n', errors));
    }

    /// <summary>A fresh browser context (own cookies), logged in as the admin through the login form.</summary>
    public async Task<IPage> LoggedInPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Panel.BaseAddress.ToString().TrimEnd('/'),
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = 1280, Height = 900 },
            TimezoneId = "UTC",
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        var errors = scriptErrors.GetOrAdd(context, _ => new ConcurrentQueue<string>());
        context.WebError += (_, e) => errors.Enqueue(e.Error);
        var origin = Panel.BaseAddress.ToString();
        context.Console += (_, m) =>
        {
            // Only the panel's own pages count: the deployed app (another origin) may log what it likes. A load the
            // browser cut because the machine's network changed (see Navigation) is the browser's note, not the page's.
            if (m.Type == "error" && m.Page?.Url.StartsWith(origin, StringComparison.Ordinal) != false && !Navigation.IsNetworkChange(m.Text))
            {
                errors.Enqueue($"console: {m.Text} at {m.Location} on {m.Page?.Url}");
            }
        };
        var page = await context.NewPageAsync();
        for (var attempt = 1; ; attempt++)
        {
            await page.OpenAsync("/login");
            await page.FillAsync("#username", "admin");
            await page.FillAsync("#password", Panel.AdminPassword);
            await page.ClickAsync("button[type=submit]");
            // The browser's error page too: the form's POST can be cut by a network change (see Navigation).
            try
            {
                await page.WaitForPageAsync(url => url.StartsWith(ErrorPage, StringComparison.Ordinal) || new Uri(url).AbsolutePath == "/");
            }
            catch (TimeoutException e)
            {
                throw new InvalidOperationException($"Logging in did not reach the dashboard. {e.Message} Panel output:\n{Panel.RecentOutput}", e);
            }

            if (!page.Url.StartsWith(ErrorPage, StringComparison.Ordinal))
            {
                return page;
            }

            if (attempt == 2)
            {
                throw new InvalidOperationException($"Logging in showed the browser's error page twice. Panel output:\n{Panel.RecentOutput}");
            }
        }
    }

    /// <summary>The panel stops first, so no deploy can create anything after the Docker cleanup.</summary>
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Panel is not null)
        {
            await Panel.DisposeAsync();
        }

        foreach (var name in deployments)
        {
            await DockerCleanup.RemoveAsync(name);
        }

        Gate.Dispose();
    }
}
