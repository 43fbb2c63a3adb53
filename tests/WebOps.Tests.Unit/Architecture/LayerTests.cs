using System.Reflection;
using WebOps.Addons.Docker;
using WebOps.Addons.Process;
using WebOps.Core.Deployments;

namespace WebOps.Tests.Unit.Architecture;

/// <summary>
/// The arrows point inward: Core knows no web framework, database or Docker client, and addons reach stored data
/// only through Core's interfaces. Read from the compiled assemblies, so any use of a forbidden type shows.
/// </summary>
public sealed class LayerTests
{
    [Fact]
    public void Core_references_no_web_framework_data_layer_or_docker_client()
    {
        Assert.Empty(Forbidden(typeof(Deployment).Assembly, "Microsoft.AspNetCore", "WebOps.Data", "Docker.DotNet", "Microsoft.EntityFrameworkCore"));
    }

    [Fact]
    public void Process_addon_references_no_data_layer()
    {
        Assert.Empty(Forbidden(typeof(AppPaths).Assembly, "WebOps.Data", "Microsoft.EntityFrameworkCore"));
    }

    [Fact]
    public void Docker_addon_references_no_data_layer()
    {
        Assert.Empty(Forbidden(typeof(DockerOptions).Assembly, "WebOps.Data", "Microsoft.EntityFrameworkCore"));
    }

    [Fact]
    public void Check_sees_what_an_assembly_really_references()
    {
        // The host does use the data layer and the web framework, so an empty answer above means something.
        var host = Forbidden(typeof(WebOps.Hosting.WebOpsApp).Assembly, "Microsoft.AspNetCore", "WebOps.Data", "Microsoft.EntityFrameworkCore");

        Assert.Contains("WebOps.Data", host);
        Assert.Contains(host, n => n.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal));
        Assert.Contains(host, n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    /// <summary>Names of referenced assemblies that are, or sit under, one of the <paramref name="prefixes"/>.</summary>
    private static List<string> Forbidden(Assembly assembly, params string[] prefixes) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => prefixes.Any(p => name == p || name.StartsWith(p + ".", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)];
}
