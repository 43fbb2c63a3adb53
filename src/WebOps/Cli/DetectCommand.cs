using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebOps.Core.Deployments;
using WebOps.Core.Detection;

namespace WebOps.Cli;

/// <summary><c>webops detect PATH [--json] [--type auto|django|static|llm]</c>: shows what a deploy of that
/// checkout would detect. Exit codes: 0 detected, 1 nothing detected, 2 usage error.</summary>
public static class DetectCommand
{
    public const string Usage = "webops detect PATH [--json] [--type auto|django|static|llm|compose]";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>The verb, for the executable's command tree.</summary>
    public static Verb Create()
    {
        var detect = new Verb("detect", "Show what WebOps would deploy from a folder", Usage);
        var path = CommonOptions.Positional<string?>("PATH", "The folder of a checked-out repository", ArgumentArity.ZeroOrOne);
        var json = new Option<bool>("--json") { Description = "Print one JSON object (type, app_dir, wsgi_module, dockerfile_path, reason)" };
        var type = new Option<string?>("--type") { Description = "Detect as this type instead of guessing", HelpName = "auto|django|static|llm|compose" };
        type.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. Enum.GetNames<ProjectType>().Select(n => n.ToLowerInvariant())]);
        detect.Arguments.Add(path);
        detect.Options.Add(json);
        detect.Options.Add(type);
        detect.Validators.Add(result =>
        {
            if (result.GetValue(path) is not { } folder)
            {
                result.AddError("PATH is missing: give the folder of a checked-out repository.");
            }
            else if (!Directory.Exists(folder))
            {
                result.AddError($"'{folder}' is not a folder. Give the folder of a checked-out repository.");
            }
        });
        detect.SetAction(result => Detect(
            result.GetValue(path)!,
            result.GetValue(json),
            Enum.Parse<ProjectType>(result.GetValue(type) ?? nameof(ProjectType.Auto), ignoreCase: true),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return detect;
    }

    /// <summary>Parses and runs <c>detect</c> alone, writing to the given streams (what the executable does with it).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        CliRunner.Invoke(Create(), args, stdout, stderr);

    private static int Detect(string path, bool json, ProjectType type, TextWriter stdout, TextWriter stderr)
    {
        DetectionResult result;
        try
        {
            result = ProjectDetector.Detect(path, type);
        }
        catch (ProjectDetectionException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCodes.Failed;
        }

        stdout.WriteLine(json ? ToJson(result) : ToText(result));
        return ExitCodes.Ok;
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
        if (result.ComposeFilePath is { } composeFile)
        {
            // Only for Compose projects, so the output of every other type stays as scripts know it.
            node["compose_file"] = composeFile;
            node["services"] = new JsonArray([.. result.ComposeServices.Select(s => (JsonNode?)JsonValue.Create(s.Name))]);
            node["public_service"] = result.PublicService;
        }

        return node.ToJsonString(JsonOptions);
    }

    public static string ToText(DetectionResult result) => result.ComposeFilePath is { } composeFile
        ? string.Join(
            Environment.NewLine,
            $"type: {result.Type.ToString().ToLowerInvariant()}",
            $"compose file: {composeFile}",
            $"services: {string.Join(", ", result.ComposeServices.Select(s => s.Ports()))}",
            $"public service: {result.PublicService ?? "-"}",
            $"reason: {result.Reason}")
        : string.Join(
        Environment.NewLine,
        $"type: {result.Type.ToString().ToLowerInvariant()}",
        $"app dir: {result.AppDir}",
        $"wsgi module: {result.WsgiModule ?? "-"}",
        $"dockerfile: {result.DockerfilePath ?? "-"}",
        $"dependency files: {(result.DependencyFiles.Count == 0 ? "-" : string.Join(", ", result.DependencyFiles))}",
        $"collectstatic: {(result.CollectStatic ? "yes" : "no")}",
        $"build packages: {(result.NeedsBuildPackages ? "yes" : "no")}",
        $"reason: {result.Reason}");
}
