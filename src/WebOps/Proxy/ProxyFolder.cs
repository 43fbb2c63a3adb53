namespace WebOps.Proxy;

/// <summary>Caddy's folder under the data folder: storage (certificates, keys), start-up config, pid file, log.</summary>
public sealed class ProxyFolder(string dataPath)
{
    public string Path { get; } = System.IO.Path.Combine(dataPath, "proxy");

    public string ConfigFile => System.IO.Path.Combine(Path, "caddy.json");

    public string PidFile => System.IO.Path.Combine(Path, "caddy.pid");

    public string LogFile => System.IO.Path.Combine(Path, "caddy.log");

    /// <summary>
    /// Keeps <paramref name="configJson"/> as the config Caddy starts on (deploy/caddy.service reads it), so a
    /// restarted Caddy serves the apps before the panel answers. Written whole, then renamed: never half a file.
    /// </summary>
    public void SaveConfig(string configJson)
    {
        Directory.CreateDirectory(Path);
        var temporary = ConfigFile + ".tmp";
        File.WriteAllText(temporary, configJson);
        File.Move(temporary, ConfigFile, overwrite: true);
    }
}
