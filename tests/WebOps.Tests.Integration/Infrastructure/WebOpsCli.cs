using System.Diagnostics;

namespace WebOps.Tests.Integration.Infrastructure;

/// <summary>Runs the real <c>webops</c> executable (webops.dll beside the tests) with an argument list.</summary>
public static class WebOpsCli
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "webops.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (args.FirstOrDefault() == "serve")
        {
            // A served panel would start Caddy on ports 80, 443 and 2019; tests that want the edge give their own ports.
            psi.ArgumentList.Add("--Proxy:Enabled=false");
        }

        return psi;
    }

    /// <summary>Starts a verb that keeps running (<c>serve</c>) and hands every line it prints, on either stream, to <paramref name="line"/>.</summary>
    public static Process Start(Action<string> line, params string[] args) => Start(StartInfo(args), line);

    /// <summary>Starts <paramref name="startInfo"/> (output redirected) and hands every line it prints, on either stream, to <paramref name="line"/>.</summary>
    public static Process Start(ProcessStartInfo startInfo, Action<string> line)
    {
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Hand(e.Data);
        process.ErrorDataReceived += (_, e) => Hand(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Hand(string? data)
        {
            if (data is not null)
            {
                line(data);
            }
        }
    }

    /// <summary>Kills what <see cref="Start"/> started, if it still runs, and waits until it is gone.</summary>
    public static async Task EndAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var p = Process.Start(StartInfo(args))!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(limit.Token);
        return (p.ExitCode, await stdout, await stderr);
    }
}
