namespace WebOps.Tests.Integration.Infrastructure;

/// <summary>
/// A script addon whose pre_deployment hook holds a deployment's deploy runs while the test says so: when a hold
/// file for the deployment exists, the hook records the run as entered (after its clone) and waits until the file is
/// gone. Without a hold file it passes at once. Start the panel with <see cref="PanelArgs"/>.
/// </summary>
public sealed class DeployGate : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "webops-gate-" + Guid.NewGuid().ToString("N")[..8]);

    public DeployGate()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "gate")).FullName;
        File.WriteAllText(Path.Combine(folder, "addon.yaml"), """
            name: gate
            version: 1.0.0
            description: holds deploy runs while a test holds the deployment
            author: tests
            hooks:
              - event: pre_deployment
                run: hold.sh
                timeout: 5m
            """);
        var script = Path.Combine(folder, "hold.sh");
        // Bounded (about 4 minutes) so a failed test never leaves a run waiting for ever.
        File.WriteAllText(script, """
            #!/bin/sh
            read -r ctx
            run=$(printf '%s' "$ctx" | grep -o '"deploy_run_id": *[0-9]*' | grep -o '[0-9]*$')
            hold="$WEBOPS_ADDON_DIR/hold-$WEBOPS_DEPLOYMENT"
            [ -e "$hold" ] || exit 0
            echo "$WEBOPS_DEPLOYMENT $run" >> "$WEBOPS_ADDON_DIR/entered.log"
            i=0
            while [ -e "$hold" ] && [ $i -lt 2400 ]; do sleep 0.1; i=$((i+1)); done
            """.Replace("\r", "", StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The panel arguments that load the gate addon beside the shipped ones.</summary>
    public string PanelArgs => $"--Addons:ExtraPaths:0={root}";

    private string Folder => Path.Combine(root, "gate");

    /// <summary>From now on, runs of <paramref name="deployment"/> stop in pre_deployment until <see cref="Open"/>.</summary>
    public void Hold(string deployment) => File.WriteAllText(Path.Combine(Folder, "hold-" + deployment), "");

    /// <summary>Lets held and later runs of <paramref name="deployment"/> go on.</summary>
    public void Open(string deployment) => File.Delete(Path.Combine(Folder, "hold-" + deployment));

    /// <summary>The deployments whose runs entered the gate, one line per run: "NAME RUN_ID", in the order they entered.</summary>
    public IReadOnlyList<string> Entered()
    {
        var log = Path.Combine(Folder, "entered.log");
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }

    /// <summary>Waits until a run of <paramref name="deployment"/> is held in the gate (its clone done); returns that run's id.</summary>
    public async Task<int> WaitEnteredAsync(string deployment, int after = 0)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var run = Entered().Select(l => l.Split(' ')).Where(p => p[0] == deployment).Select(p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault(id => id > after);
            if (run > 0)
            {
                return run;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No deploy run of '{deployment}' after run {after} reached the gate within 3 minutes; entered: {string.Join(", ", Entered())}");
    }

    /// <summary>Opens every hold (so no run waits on a finished test) and removes the addon folder.</summary>
    public void Dispose()
    {
        foreach (var hold in Directory.EnumerateFiles(Folder, "hold-*"))
        {
            File.Delete(hold);
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a hook still writing is gone with the temp folder.
        }
    }
}
