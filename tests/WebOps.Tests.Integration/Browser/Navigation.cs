using Microsoft.Playwright;

namespace WebOps.Tests.Integration.Browser;

/// <summary>
/// Page loads that survive Chromium's <c>net::ERR_NETWORK_CHANGED</c>. Chromium aborts every request in flight
/// when any network interface of the machine comes or goes, and the Docker and Swarm tests that run beside the
/// browser tests create and remove bridges and veth pairs all the time. Such a load never got the panel's answer,
/// so it is made again, at most twice; every other failure, and a third abort, stands.
/// </summary>
public static class Navigation
{
    private const int Attempts = 3;

    private static readonly TimeSpan PageLimit = TimeSpan.FromSeconds(30);

    /// <summary><see cref="IPage.GotoAsync"/>, made again when the machine's network changed under it.</summary>
    public static Task<IResponse?> OpenAsync(this IPage page, string url, PageGotoOptions? options = null) =>
        AgainOnNetworkChangeAsync(() => page.GotoAsync(url, options));

    /// <summary><see cref="IPage.ReloadAsync"/>, made again when the machine's network changed under it.</summary>
    public static Task<IResponse?> ReopenAsync(this IPage page) => AgainOnNetworkChangeAsync(() => page.ReloadAsync());

    /// <summary>True for the browser's own note that a load was cut by a network change, not the panel's answer.</summary>
    public static bool IsNetworkChange(string message) => message.Contains("net::ERR_NETWORK_CHANGED", StringComparison.Ordinal);

    /// <summary>
    /// Waits until the page's URL satisfies <paramref name="matches"/> (polled) and its document is parsed (DOMContentLoaded). Not
    /// <see cref="IPage.WaitForURLAsync(Func{string, bool}, PageWaitForURLOptions?)"/>: once the URL matches, that also
    /// waits for the page's load event, whatever its <c>WaitUntil</c> says (playwright-dotnet issue 3365), and twice in CI
    /// a page stood at the right URL for 30 s without the event being seen (Playwright's log: "NetworkIdle event fired").
    /// </summary>
    /// <exception cref="TimeoutException">The URL did not match within 30 s; the message says where the browser is.</exception>
    public static async Task WaitForPageAsync(this IPage page, Func<string, bool> matches)
    {
        var deadline = DateTime.UtcNow + PageLimit;
        while (!matches(page.Url))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The browser did not reach the expected page within {PageLimit.TotalSeconds:0} s; it is at {page.Url}.");
            }

            await Task.Delay(100);
        }

        // A lifecycle event, not a script: some tests turn JavaScript off.
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static async Task<IResponse?> AgainOnNetworkChangeAsync(Func<Task<IResponse?>> load)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await load();
            }
            catch (PlaywrightException e) when (attempt < Attempts && IsNetworkChange(e.Message))
            {
                await Task.Delay(250 * attempt);
            }
        }
    }
}
