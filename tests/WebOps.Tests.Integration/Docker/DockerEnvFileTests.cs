using System.Diagnostics;
using WebOps.Core.Systemd;

namespace WebOps.Tests.Integration.Docker;

/// <summary>The env file a Docker unit hands to <c>docker run --env-file</c>, read back by the real docker CLI.</summary>
public sealed class DockerEnvFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("webops-envfile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [DockerFact]
    public async Task Docker_reads_back_every_value_exactly_as_the_env_file_carries_it()
    {
        var variables = new Dictionary<string, string>
        {
            ["QUOTES"] = "it's \"100%\" $HOME `id` \\n",
            ["PADDED"] = "  leading and trailing spaces  ",
            ["HASH"] = "#not a comment",
            ["EQUALS"] = "a=b==c",
            ["BACKSLASH"] = @"C:\data\",
            ["UNICODE"] = "été ☕",
            ["EMPTY"] = "",
        };
        var file = Path.Combine(folder, "app.env");
        await File.WriteAllTextAsync(file, EnvironmentFiles.Docker("roundtrip", variables));

        var (code, stdout, stderr) = await DockerCliAsync(
            "run", "--rm", "--label", $"webops.deployment=t-envfile-{Guid.NewGuid():N}"[..40], "--env-file", file, TestImages.Busybox, "env");

        Assert.True(code == 0, $"docker run exited {code}: {stderr}");
        var seen = stdout.Split('\n')
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);
        foreach (var (name, value) in variables)
        {
            Assert.True(seen.TryGetValue(name, out var actual), $"{name} is missing from the container's environment:\n{stdout}");
            Assert.Equal(value, actual);
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> DockerCliAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["DOCKER_HOST"] = DockerAvailability.Endpoint;
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(limit.Token);
        return (p.ExitCode, await output, await errors);
    }
}
