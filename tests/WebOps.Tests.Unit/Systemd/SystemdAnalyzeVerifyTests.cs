using WebOps.Core.Systemd;

namespace WebOps.Tests.Unit.Systemd;

/// <summary>
/// systemd itself reads the rendered units. It exits 0 even for unknown keys and bad values and only warns on
/// stderr, so any stderr output fails the test.
/// </summary>
public sealed class SystemdAnalyzeVerifyTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("webops-units-");

    public SystemdAnalyzeVerifyTests()
    {
        // verify resolves Requires=docker.service; a unit beside the file under test stands in where the
        // Docker package (which ships the real one) is not installed.
        File.WriteAllText(Path.Combine(_folder.FullName, "docker.service"), "[Service]\nExecStart=/bin/true\n");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    [SystemdAnalyzeFact]
    public async Task Rendered_docker_unit_with_every_option_passes_systemd_verify()
    {
        // verify checks that the program exists; /bin/true stands in for a docker CLI that may be absent.
        var renderer = new SystemdUnitRenderer(new SystemdRenderOptions { DockerPath = "/bin/true" });
        var unit = renderer.RenderDockerUnit(DockerUnitRenderingTests.Blog() with
        {
            RunArguments = [.. DockerUnitRenderingTests.EveryOption, "--name", "semi;colon", ";", "", "unicode ☕ été"],
        });

        await AssertVerifiesAsync("webops-blog.service", unit);
    }

    [SystemdAnalyzeFact]
    public async Task Rendered_app_unit_passes_systemd_verify()
    {
        var model = AppUnitRenderingTests.Blog(program: "/bin/sh", user: "root") with { WorkingDirectory = _folder.FullName };

        await AssertVerifiesAsync("webops-app-blog.service", new SystemdUnitRenderer().RenderAppUnit(model));
    }

    [SystemdAnalyzeFact]
    public async Task Rendered_app_unit_with_limits_and_a_restart_count_passes_systemd_verify()
    {
        var model = AppUnitRenderingTests.Blog(program: "/bin/sh", user: "root") with { WorkingDirectory = _folder.FullName, Resources = AppUnitLimitsTests.Limited };

        await AssertVerifiesAsync("webops-app-limited.service", new SystemdUnitRenderer().RenderAppUnit(model));
    }

    [SystemdAnalyzeFact]
    public async Task Panel_unit_passes_systemd_verify()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "webops.service"));
        Assert.Contains("\nExecStart=/usr/local/bin/webops serve --data /var/lib/webops\n", text, StringComparison.Ordinal);

        // verify checks that the program exists, and the panel is not installed on a test machine.
        var testable = text.Replace("ExecStart=/usr/local/bin/webops ", "ExecStart=/bin/true ", StringComparison.Ordinal);
        await AssertVerifiesAsync("webops.service", testable);
    }

    [SystemdAnalyzeFact]
    public async Task Edge_proxy_unit_passes_systemd_verify()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "caddy.service"));
        Assert.Contains(" caddy /var/lib/webops/proxy/caddy.json\n", text, StringComparison.Ordinal);

        await AssertVerifiesAsync("webops-caddy.service", text);
    }

    private async Task AssertVerifiesAsync(string fileName, string unit)
    {
        var path = Path.Combine(_folder.FullName, fileName);
        await File.WriteAllTextAsync(path, unit);

        var (exitCode, stderr) = await SystemdAnalyze.VerifyAsync(path);

        Assert.True(exitCode == 0 && stderr.Length == 0, $"systemd-analyze verify exited {exitCode}:\n{stderr}\nUnit:\n{unit}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WebOps.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No WebOps.slnx above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
