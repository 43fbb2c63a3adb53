using System.Globalization;

namespace WebOps.Addons.Process.Supervision;

/// <summary>
/// <c>&lt;data&gt;/apps/&lt;name&gt;/pid</c>: "PID STARTTIME", so a panel started later can find the app again and
/// tell it apart from an unrelated process that got the same pid.
/// </summary>
public sealed record PidFile(int Pid, long StartTime)
{
    public async Task WriteAsync(string path, CancellationToken ct)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, string.Create(CultureInfo.InvariantCulture, $"{Pid} {StartTime}\n"), ct);
        File.Move(temp, path, overwrite: true);
    }

    public static async Task<PidFile?> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var parts = (await File.ReadAllTextAsync(path, ct)).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new PidFile(pid, start)
            : null;
    }

    public static void Delete(string path) => File.Delete(path);
}
