using Microsoft.Extensions.Configuration;

namespace WebOps.Core;

/// <summary>
/// Resolves the data folder: <c>--data PATH</c>, then <c>WEBOPS_DATA</c>, then configuration, then <c>./data</c>.
/// In Core so the panel and its addons agree on it.
/// </summary>
public static class DataFolder
{
    public static string Resolve(IConfiguration configuration)
    {
        var path = configuration["data"]
            ?? Environment.GetEnvironmentVariable("WEBOPS_DATA")
            ?? configuration["WebOps:DataPath"]
            ?? "data";
        return Path.GetFullPath(path);
    }
}
