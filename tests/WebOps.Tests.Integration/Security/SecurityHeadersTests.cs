using System.Net;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Security;

/// <summary>Every kind of panel response carries the security headers: pages, API answers, static files, refusals.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    private PanelApp panel = null!;

    public async Task InitializeAsync() => panel = await PanelApp.StartAsync();

    public async Task DisposeAsync() => await panel.DisposeAsync();

    [Fact]
    public async Task A_page_carries_the_headers()
    {
        using var client = await panel.LoggedInAsync();
        using var response = await client.GetAsync("/deployments/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHeaders(response);
    }

    [Fact]
    public async Task An_api_answer_and_an_api_refusal_carry_the_headers()
    {
        using var api = await panel.WithTokenAsync();
        using var answer = await api.GetAsync("/api/deployments");
        using var anonymous = panel.Anonymous();
        using var refusal = await anonymous.GetAsync("/api/deployments");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        AssertHeaders(answer);
        Assert.Equal(HttpStatusCode.Unauthorized, refusal.StatusCode);
        AssertHeaders(refusal);
    }

    [Fact]
    public async Task A_static_file_and_the_login_page_carry_the_headers()
    {
        using var anonymous = panel.Anonymous();
        using var css = await anonymous.GetAsync("/css/site.css");
        using var login = await anonymous.GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        AssertHeaders(css);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        AssertHeaders(login);
    }

    /// <summary>Over plain HTTP there is no HSTS: a browser ignores it there, and it must not pin a plain-HTTP panel.</summary>
    private static void AssertHeaders(HttpResponseMessage response)
    {
        Assert.Equal(Policy, Single(response, "Content-Security-Policy"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS was sent over plain HTTP");
    }

    private static string Single(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values), $"{response.RequestMessage?.RequestUri?.PathAndQuery} has no {name} header");
        return Assert.Single(values);
    }
}
