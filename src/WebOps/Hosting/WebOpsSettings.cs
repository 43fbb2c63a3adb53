namespace WebOps.Hosting;

/// <summary>Top-level panel settings (configuration section <c>WebOps</c> plus the data folder).</summary>
public sealed class WebOpsSettings
{
    public const string DefaultUrl = "http://127.0.0.1:8000";

    /// <summary>Where the database, keys and checkouts live. <c>--data</c>, <c>WEBOPS_DATA</c>, else <c>./data</c>.</summary>
    public string DataPath { get; set; } = "data";
}
