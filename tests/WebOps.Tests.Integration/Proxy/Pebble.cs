using System.Diagnostics;
using System.Text.Json;
using WebOps.Tests.Integration.Docker;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>
/// Let's Encrypt's test ACME server on free loopback ports, in its own folder, validating every challenge without
/// looking (no DNS needed). Its listener has its own certificate (made here with openssl), which Caddy is told to trust.
/// </summary>
internal sealed class Pebble : IAsyncDisposable
{
    private readonly Process process;

    private Pebble(Process process, string folder, int port, int managementPort)
    {
        this.process = process;
        Folder = folder;
        DirectoryUrl = $"https://127.0.0.1:{port}/dir";
        ManagementPort = managementPort;
    }

    public string Folder { get; }

    public string DirectoryUrl { get; }

    public int ManagementPort { get; }

    /// <summary>The certificate of Pebble's own HTTPS listener: the ACME client must trust it.</summary>
    public string ListenerCertificate => Path.Combine(Folder, "cert.pem");

    /// <summary>Starts Pebble; it refuses to issue for <paramref name="refused"/> ("forbidden by policy"), and their subdomains.</summary>
    public static async Task<Pebble> StartAsync(params string[] refused)
    {
        var folder = Path.Combine(Path.GetTempPath(), "webops-pebble-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        await EdgeProcess.RunAsync("openssl", folder,
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        int port = DockerTestKit.FreePort(), management = DockerTestKit.FreePort();
        var config = new
        {
            pebble = new
            {
                listenAddress = $"127.0.0.1:{port}",
                managementListenAddress = $"127.0.0.1:{management}",
                certificate = "cert.pem",
                privateKey = "key.pem",
                httpPort = DockerTestKit.FreePort(),
                tlsPort = DockerTestKit.FreePort(),
                domainBlocklist = refused,
            },
        };
        await File.WriteAllTextAsync(Path.Combine(folder, "pebble.json"), JsonSerializer.Serialize(config));
        var process = EdgeProcess.Start("pebble", ["-config", "pebble.json"], folder,
            new Dictionary<string, string> { ["PEBBLE_VA_ALWAYS_VALID"] = "1", ["PEBBLE_VA_NOSLEEP"] = "1" });
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var pebble = new Pebble(process, folder, port, management);
        try
        {
            await pebble.RootAsync();
            return pebble;
        }
        catch
        {
            await pebble.DisposeAsync();
            throw;
        }
    }

    /// <summary>The root that signs the certificates Pebble issues (new at every start), from its management API.</summary>
    public async Task<string> RootAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
        {
            Timeout = TimeSpan.FromSeconds(5),
        };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await http.GetStringAsync($"https://127.0.0.1:{ManagementPort}/roots/0");
            }
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        EdgeProcess.Kill(process);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned anyway.
        }

        return ValueTask.CompletedTask;
    }
}
