using System.Net;
using System.Net.Sockets;
using WebOps.Addons.Process.Static;
using WebOps.Addons.Process.Supervision;

namespace WebOps.Tests.Unit.ProcessAddon;

/// <summary>The in-process static file server, on a real loopback port over a real folder.</summary>
public sealed class StaticSiteServerTests : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "webops-site-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly HttpClient http = new(new HttpClientHandler { UseProxy = false });
    private StaticSiteServer? server;

    public async Task InitializeAsync()
    {
        Write("index.html", "<h1>home</h1>");
        Write("docs/index.html", "<h1>docs</h1>");
        Write("assets/app.js", "console.log(1)");
        Write("assets/site.css", "h1{}");
        Write("assets/logo.svg", "<svg/>");
        Write("data/info.json", "{}");
        Write("data/blob.xyz", "raw");
        Write("data/notes.txt", "notes");
        Write(".env", "SECRET=1");
        Write(".git/config", "[core]");
        Write(".well-known/security.txt", "Contact: mailto:security@example.invalid");
        server = await StaticSiteServer.StartAsync(root, FreePort(), new LogRing(100), TimeProvider.System, CancellationToken.None);
        http.BaseAddress = new Uri($"http://127.0.0.1:{server.Port}");
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        http.Dispose();
        Directory.Delete(root, recursive: true);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/docs/", "text/html")]
    [InlineData("/assets/app.js", "text/javascript")]
    [InlineData("/assets/site.css", "text/css")]
    [InlineData("/assets/logo.svg", "image/svg+xml")]
    [InlineData("/data/info.json", "application/json")]
    [InlineData("/data/notes.txt", "text/plain")]
    [InlineData("/data/blob.xyz", "application/octet-stream")]
    [InlineData("/.well-known/security.txt", "text/plain")]
    public async Task Files_are_served_with_the_content_type_of_their_extension(string path, string type)
    {
        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/data/")]
    [InlineData("/assets")]
    [InlineData("/.env")]
    [InlineData("/.git/config")]
    [InlineData("/.git/")]
    [InlineData("/docs/.hidden/index.html")]
    [InlineData("/missing.html")]
    public async Task Folders_without_index_dotfiles_and_missing_files_answer_404_without_a_listing(string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("info.json", body, StringComparison.Ordinal);
        Assert.DoesNotContain("app.js", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_server_closes_its_port()
    {
        var port = server!.Port;
        await server.DisposeAsync();
        server = null;

        using var tcp = new TcpClient();
        Assert.Throws<SocketException>(() => tcp.Connect(IPAddress.Loopback, port));
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
