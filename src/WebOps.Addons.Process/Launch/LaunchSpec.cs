using System.Text.Json;
using System.Text.Json.Serialization;
using WebOps.Core.Resources;

namespace WebOps.Addons.Process.Launch;

/// <summary>
/// What it takes to start a deployment's app again without its checkout or detection: written at deploy time to
/// <c>&lt;data&gt;/apps/&lt;name&gt;/launch.json</c>. Environment variables are not stored here (they may be
/// secrets); they come from the deployment each time the app starts.
/// </summary>
public sealed record LaunchSpec
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public required LaunchKind Kind { get; init; }

    public required int HostPort { get; init; }

    /// <summary>Absolute program path; empty for static sites.</summary>
    public string Program { get; init; } = "";

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The folder the program starts in, or the site root of a static site.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Variables the addon adds to the deployment's own (virtual environment, unbuffered output).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>A short description such as <c>process: gunicorn mysite.wsgi</c>.</summary>
    public required string Description { get; init; }

    /// <summary>
    /// The limits and restart policy a systemd unit applies when apps run as units (<see cref="LaunchLimits"/>);
    /// null otherwise (a scope's limits are in <see cref="Program"/> already).
    /// </summary>
    public ResourceSettings? UnitResources { get; init; }

    public string Url => $"http://127.0.0.1:{HostPort}";

    public async Task SaveAsync(string path, CancellationToken ct)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(this, Json), ct);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The saved spec, or null when the app was never deployed without Docker (or the file is damaged).</summary>
    public static async Task<LaunchSpec?> LoadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<LaunchSpec>(await File.ReadAllTextAsync(path, ct), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
