using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Docker.DotNet;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebOps.Core.Processes;
using WebOps.Core.Systemd;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Faults;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.Proxy;
using Xunit.Abstractions;

namespace WebOps.Tests.Integration.Security;

/// <summary>
/// Where a deployment's secret variable lands on disk: a Docker and a process deployment carrying one are deployed
/// and backed up, their systemd unit is rendered and written (systemctl faked), and every file of the data folder,
/// of the extracted backup and of the unit and env folders is searched for the value. It may be only in the 0600
/// env file: the database keeps variables encrypted.
/// </summary>
public sealed class SecretsOnDiskTests(ITestOutputHelper output)
{
    [DockerFact]
    public async Task A_secret_variable_is_on_disk_only_in_the_owner_only_env_file()
    {
        var secret = "s3cret-" + Guid.NewGuid().ToString("N");
        await using var panel = await FaultPanel.StartAsync(new Dictionary<string, string>());
        var docker = EdgeDeploys.Name("sdock");
        var process = EdgeDeploys.Name("sproc");
        var repo = await GitRepo.CreateAsync(("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY site/ /www/\n"), ("site/index.html", "hello"));
        var systemd = Directory.CreateTempSubdirectory("webops-secrets-").FullName;
        try
        {
            await DeployAsync(panel, docker, repo, useDocker: true, secret);
            await DeployAsync(panel, process, repo, useDocker: false, secret);
            using (var engine = new DockerClientBuilder().WithEndpoint(new Uri(DockerAvailability.Endpoint)).Build())
            {
                var variables = (await engine.Containers.InspectContainerAsync($"webops-{docker}")).Config?.Env ?? [];
                Assert.Contains($"APP_SECRET={secret}", variables); // the value really reached the app
            }

            var (code, _, error) = await WebOpsCli.RunAsync("backup", "--data", panel.DataFolder);
            Assert.True(code == 0, $"webops backup exited {code}: {error}");
            var envFile = Path.Combine(systemd, "env", $"{docker}.env");
            var (unitCode, unit, unitError) = await WebOpsCli.RunAsync("systemd", "render", docker, "--data", panel.DataFolder, "--env-file", envFile);
            var (envCode, env, envError) = await WebOpsCli.RunAsync("systemd", "render", docker, "--data", panel.DataFolder, "--env-file", envFile, "--reveal-env");
            Assert.True(unitCode == 0 && envCode == 0, $"webops systemd render exited {unitCode}/{envCode}: {unitError} {envError}");
            await InstallAsync(docker, systemd, new UnitFiles(unit, env));

            var found = new List<string>();
            await SearchAsync(panel.DataFolder, secret, found);
            await SearchAsync(systemd, secret, found);
            output.WriteLine($"'{secret}' found in: {string.Join(", ", found)}");

            Assert.DoesNotContain(secret, unit, StringComparison.Ordinal);
            Assert.Equal([envFile], found);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(envFile));
        }
        finally
        {
            foreach (var name in new[] { docker, process })
            {
                using var removed = await panel.Api.DeleteAsync($"/api/deployments/{name}?remove_images=true");
            }

            Directory.Delete(systemd, recursive: true);
        }
    }

    private static async Task DeployAsync(FaultPanel panel, string name, GitRepo repo, bool useDocker, string secret)
    {
        using (var created = await panel.Api.PostAsJsonAsync("/api/deployments", new
        {
            name,
            repo_url = repo.Url,
            use_docker = useDocker,
            project_type = "static",
            port = 8080,
            env_vars = new Dictionary<string, string> { ["APP_SECRET"] = secret },
        }))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        await DeployWait.ForRunEndAsync(panel.Api, name, minutes: 5);
        var last = (await panel.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0];
        Assert.True(last.GetProperty("result").GetString() == "succeeded", $"deploy of {name}: {last.GetProperty("error")}\n{await panel.LogAsync(name)}");
    }

    /// <summary>The unit installer as a deploy under systemd runs it, with systemctl faked at its command line.</summary>
    private static Task InstallAsync(string deployment, string folder, UnitFiles files)
    {
        var options = Options.Create(new SystemdOptions
        {
            SystemctlPath = "/bin/true",
            UnitFolder = Path.Combine(folder, "units"),
            EnvFolder = Path.Combine(folder, "env"),
        });
        Directory.CreateDirectory(options.Value.UnitFolder);
        var installer = new UnitInstaller(new SystemctlClient(new ProcessRunner(NullLogger<ProcessRunner>.Instance), options), options);
        return installer.InstallAndStartAsync(deployment, files, default);
    }

    /// <summary>Every regular file under <paramref name="folder"/> holding the value; archives are searched inside.</summary>
    private static async Task SearchAsync(string folder, string value, List<string> found)
    {
        var needle = Encoding.UTF8.GetBytes(value);
        foreach (var file in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (file.EndsWith(".tar.gz", StringComparison.Ordinal))
            {
                var inside = Directory.CreateTempSubdirectory("webops-archive-").FullName;
                try
                {
                    await RunAsync("tar", "-xzf", file, "-C", inside);
                    var before = found.Count;
                    await SearchAsync(inside, value, found);
                    for (var i = before; i < found.Count; i++)
                    {
                        found[i] = $"{file}!{Path.GetRelativePath(inside, found[i])}";
                    }
                }
                finally
                {
                    Directory.Delete(inside, recursive: true);
                }
            }
            else if (new FileInfo(file).LinkTarget is null && (await ReadAsync(file)).AsSpan().IndexOf(needle) >= 0)
            {
                found.Add(file);
            }
        }
    }

    /// <summary>A file's bytes; a socket or pipe (the edge may keep one in the data folder) has none to search.</summary>
    private static async Task<byte[]> ReadAsync(string file)
    {
        try
        {
            return await File.ReadAllBytesAsync(file);
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{program} exited {p.ExitCode}: {await stderr}");
    }
}
