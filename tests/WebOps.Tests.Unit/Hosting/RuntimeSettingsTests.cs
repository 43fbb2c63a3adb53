using System.Text.Json.Nodes;

namespace WebOps.Tests.Unit.Hosting;

/// <summary>
/// The runtime settings the panel is built with (WebOps.csproj), as the runtime reads them from the built
/// <c>webops.runtimeconfig.json</c>: each keeps the panel smaller or cheaper beside its apps (bench/memory,
/// bench/health-sweep), and dropping one would not show in any other test.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Theory]
    [InlineData("System.GC.Server", "false")] // one heap, not one per core
    [InlineData("System.GC.Concurrent", "false")] // no background GC thread
    [InlineData("System.Runtime.TieredPGO", "false")] // no instrumented code
    [InlineData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", "0")] // idle workers sleep at once
    public void The_panel_is_built_with(string setting, string value)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "webops.runtimeconfig.json");
        var config = JsonNode.Parse(File.ReadAllText(file))!["runtimeOptions"]!["configProperties"]!.AsObject();

        Assert.True(config.ContainsKey(setting), $"{file} does not set {setting}: {config.ToJsonString()}");
        Assert.Equal(value, config[setting]!.ToJsonString());
    }
}
