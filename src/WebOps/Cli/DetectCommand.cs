using System.Text.Json;
using System.Text.Json.Nodes;
using WebOps.Core.Deployments;
using WebOps.Core.Detection;

namespace WebOps.Cli;

/// <summary><c>webops detect PATH [--json] [--type auto|django|static|llm]</c>: shows what a deploy of that
/// checkout would detect. Exit codes: 0 detected, 1 nothing detected, 2 usage error.</summary>
public static class DetectCommand
{
    public const string Usage = "usage: webops detect PATH [--json] [--type auto|django|static|llm]";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? path = null;
        var json = false;
        var type = ProjectType.Auto;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                stdout.WriteLine(Usage);
                return 0;
            }

            if (arg == "--json")
            {
                json = true;
            }
            else if (arg == "--type" || arg.StartsWith("--type=", StringComparison.Ordinal))
            {
                var value = arg == "--type" ? (++i < args.Count ? args[i] : null) : arg["--type=".Length..];
                if (!TryParseType(value, out type))
                {
                    return UsageError(stderr, $"--type must be auto, django, static or llm (got '{value ?? ""}').");
                }
            }
            else if (arg.StartsWith('-') || path is not null)
            {
                return UsageError(stderr, $"unexpected argument '{arg}'.");
            }
            else
            {
                path = arg;
            }
        }

        if (path is null)
        {
            return UsageError(stderr, "PATH is missing: give the folder of a checked-out repository.");
        }

        if (!Directory.Exists(path))
        {
            return UsageError(stderr, $"'{path}' is not a folder. Give the folder of a checked-out repository.");
        }

        DetectionResult result;
        try
        {
            result = ProjectDetector.Detect(path, type);
        }
        catch (ProjectDetectionException e)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }

        stdout.WriteLine(json ? ToJson(result) : ToText(result));
        return 0;
    }

    /// <summary>The five fields scripts rely on, snake_case, with the type in lowercase.</summary>
    public static string ToJson(DetectionResult result)
    {
        var node = new JsonObject
        {
            ["type"] = result.Type.ToString().ToLowerInvariant(),
            ["app_dir"] = result.AppDir,
            ["wsgi_module"] = result.WsgiModule,
            ["dockerfile_path"] = result.DockerfilePath,
            ["reason"] = result.Reason,
        };
        return node.ToJsonString(JsonOptions);
    }

    public static string ToText(DetectionResult result) => string.Join(
        Environment.NewLine,
        $"type: {result.Type.ToString().ToLowerInvariant()}",
        $"app dir: {result.AppDir}",
        $"wsgi module: {result.WsgiModule ?? "-"}",
        $"dockerfile: {result.DockerfilePath ?? "-"}",
        $"dependency files: {(result.DependencyFiles.Count == 0 ? "-" : string.Join(", ", result.DependencyFiles))}",
        $"collectstatic: {(result.CollectStatic ? "yes" : "no")}",
        $"build packages: {(result.NeedsBuildPackages ? "yes" : "no")}",
        $"reason: {result.Reason}");

    private static bool TryParseType(string? value, out ProjectType type)
    {
        type = ProjectType.Auto;
        // Enum.TryParse would also take numbers ("1"); only the four names are valid.
        return value is not null
            && Enum.GetNames<ProjectType>().Any(n => n.Equals(value, StringComparison.OrdinalIgnoreCase))
            && Enum.TryParse(value, ignoreCase: true, out type);
    }

    private static int UsageError(TextWriter stderr, string problem)
    {
        stderr.WriteLine($"webops detect: {problem}");
        stderr.WriteLine(Usage);
        return 2;
    }
}
