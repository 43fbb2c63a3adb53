using System.Net.Mime;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>
/// How the panel's push of its config to Caddy (<c>POST /load</c>) ends when it fails: the panel talks to a real Caddy
/// through a proxy that cuts off or refuses a push, since neither can be brought about on demand with Caddy alone.
/// </summary>
public sealed class EdgePushTests
{
    [Fact]
    public async Task A_push_cut_off_before_caddy_answers_is_pushed_again_without_waiting_for_a_change()
    {
        await using var caddy = await TestCaddy.StartAsync();
        using var pushes = new Pushes(caddy);
        await using var proxy = await pushes.ProxyAsync((context, n) => n == 1 ? CutOffAsync(context) : pushes.LoadAsync(context));
        await using var panel = await PanelApp.StartAsync(caddy.PanelArgs($"--Proxy:AdminAddress={pushes.ProxyAddress}"));

        await EdgeProxyTests.EventuallyAsync(() => Task.FromResult(caddy.Loads >= 1), $"Caddy loads the panel's config after the cut-off push ({pushes.Count} pushes)");
        Assert.Contains($":{caddy.HttpPort}", await pushes.RunningConfigAsync(), StringComparison.Ordinal);

        // Once Caddy took it, the panel is in sync: no further push of the same config.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, pushes.Count);
        Assert.Equal(1, caddy.Loads);
    }

    [Fact]
    public async Task A_config_caddy_refuses_is_not_pushed_again_while_it_is_unchanged()
    {
        await using var caddy = await TestCaddy.StartAsync();
        using var pushes = new Pushes(caddy);
        await using var proxy = await pushes.ProxyAsync((context, _) => RefuseAsync(context));
        await using var panel = await PanelApp.StartAsync(caddy.PanelArgs($"--Proxy:AdminAddress={pushes.ProxyAddress}"));

        await EdgeProxyTests.EventuallyAsync(() => Task.FromResult(pushes.Count >= 1), "the panel pushes its config");

        // Three rounds (one a second): the same config would be refused again, so it is not sent again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, pushes.Count);
        Assert.Equal(0, caddy.Loads);
    }

    private static Task<bool> CutOffAsync(HttpContext context)
    {
        context.Abort();
        return Task.FromResult(true);
    }

    private static async Task<bool> RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = MediaTypeNames.Application.Json;
        await context.Response.WriteAsync("{\"error\":\"loading config: refused by the test\"}");
        return true;
    }

    /// <summary>The panel's pushes through a proxy in front of Caddy's admin API, numbered (<see cref="NumberedCalls"/>).</summary>
    private sealed class Pushes(TestCaddy caddy) : IDisposable
    {
        private readonly HttpClient admin = new() { BaseAddress = new Uri($"http://{caddy.AdminAddress}/"), Timeout = TimeSpan.FromSeconds(10) };
        private readonly NumberedCalls loads = new(context => context.Request.Method == HttpMethods.Post && context.Request.Path == "/load");
        private readonly int port = DockerTestKit.FreePort();

        public string ProxyAddress => $"127.0.0.1:{port}";

        public int Count => loads.Count;

        public Task<InterceptingProxy> ProxyAsync(Func<HttpContext, int, Task<bool>> answer) =>
            InterceptingProxy.InFrontOfAsync(caddy.AdminAddress, port, loads.To(answer));

        /// <summary>
        /// Passes a push on to Caddy with its admin address put back: the panel's config names the address it talks
        /// to, the proxy's, where Caddy could not listen.
        /// </summary>
        public async Task<bool> LoadAsync(HttpContext context)
        {
            var config = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            config["admin"]!["listen"] = caddy.AdminAddress;
            using var body = new StringContent(config.ToJsonString(), Encoding.UTF8, MediaTypeNames.Application.Json);
            using var response = await admin.PostAsync("load", body);
            context.Response.StatusCode = (int)response.StatusCode;
            await context.Response.WriteAsync(await response.Content.ReadAsStringAsync());
            return true;
        }

        public Task<string> RunningConfigAsync() => admin.GetStringAsync("config/");

        public void Dispose() => admin.Dispose();
    }
}
