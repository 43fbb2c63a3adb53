using Microsoft.Extensions.Configuration;

namespace WebOps.Hosting;

/// <summary>Resolves the data folder: <c>--data PATH</c>, then <c>WEBOPS_DATA</c>, then configuration, then <c>./data</c>.</summary>
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
