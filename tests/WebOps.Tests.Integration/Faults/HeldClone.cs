using System.Globalization;

namespace WebOps.Tests.Integration.Faults;

/// <summary>
/// Holds a panel's <c>git clone</c> in the middle, for real: git's <c>uploadpack.packObjectsHook</c> (honoured only in
/// global config, which <c>GIT_CONFIG_GLOBAL</c> points at) runs a script before the repository's objects are sent.
/// While <see cref="Hold"/> is on, the script writes its pid and waits; clones run straight through otherwise.
/// </summary>
internal sealed class HeldClone : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "webops-held-clone-" + Guid.NewGuid().ToString("N")[..8]);

    public HeldClone()
    {
        Directory.CreateDirectory(folder);
        var script = Path.Combine(folder, "pack-objects-hook.sh");
        File.WriteAllText(script, $"#!/bin/sh\nif [ -e '{HoldFile}' ]; then\n  echo $$ > '{PidFile}'\n  while [ -e '{HoldFile}' ]; do sleep 0.1; done\nfi\nexec \"$@\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(GlobalConfig, $"[uploadpack]\n\tpackObjectsHook = {script}\n");
    }

    /// <summary>The file to name in <c>GIT_CONFIG_GLOBAL</c> for the panel.</summary>
    public string GlobalConfig => Path.Combine(folder, "gitconfig");

    private string HoldFile => Path.Combine(folder, "hold");

    private string PidFile => Path.Combine(folder, "held.pid");

    public bool Hold
    {
        set
        {
            if (value)
            {
                File.WriteAllText(HoldFile, "");
            }
            else
            {
                File.Delete(HoldFile);
            }
        }
    }

    /// <summary>Waits (bounded) until a clone is held; returns the pid of the waiting script.</summary>
    public async Task<int> WaitHeldAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No clone was held within {limit.TotalSeconds:0} s.");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        Hold = false;
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }
}
