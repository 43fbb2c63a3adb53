using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static WebOps.Tests.Integration.Browser.DeploymentPages;

namespace WebOps.Tests.Integration.Browser;

/// <summary>
/// The pages under the panel's Content-Security-Policy: a blocked inline script or style fails silently, so the
/// browser's own violation reports are collected on every page and must stay empty.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    /// <summary>Runs before any page script, on every page the context opens, and keeps what the browser reports.</summary>
    private const string Listener = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    [Fact]
    public async Task The_deployment_page_and_the_others_run_their_scripts_without_a_policy_violation()
    {
        using var site = await StaticSiteRepo.CreateAsync();
        var name = fixture.NewDeploymentName();
        var page = await fixture.LoggedInPageAsync();
        await page.Context.AddInitScriptAsync(Listener);
        var consoleReports = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                consoleReports.Add($"{m.Text} on {m.Page?.Url}");
            }
        };

        // A branch that does not exist fails at checkout at once, without Docker; the page follows it live.
        await page.OpenAsync("/deployments/new");
        await AssertNoViolationsAsync(page);
        await page.FillAsync("[name=name]", name);
        await page.FillAsync("[name=repo_url]", site.Url);
        await page.FillAsync("[name=branch]", "no-such-branch");
        await SubmitCreateAsync(page, name);
        await Expect(page.Locator("[data-status-badge]")).ToHaveTextAsync("failed", new() { Timeout = (float)DeployLimit.TotalMilliseconds });
        await AssertNoViolationsAsync(page);

        foreach (var path in new[] { $"/deployments/{name}", $"/deployments/{name}/edit", "/", "/addons" })
        {
            var response = await page.OpenAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            Assert.Contains("script-src 'self'", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
            await page.WaitForFunctionAsync("() => document.readyState === 'complete' && document.documentElement.classList.contains('js')");
            await AssertNoViolationsAsync(page);
        }

        Assert.Empty(consoleReports);
        fixture.AssertNoScriptErrors(page);

        // The listener does hear the policy: an inline script added now is blocked and reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.append(s); }");
        await page.WaitForFunctionAsync("() => window.__cspViolations.length > 0");
        Assert.False(await page.EvaluateAsync<bool>("() => window.__ran === true"), "an inline script ran despite the policy");
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(violations.Length == 0, $"Policy violations on {page.Url}:\n" + string.Join('\n', violations));
    }
}
