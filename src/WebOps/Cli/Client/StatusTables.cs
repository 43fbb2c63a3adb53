using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace WebOps.Cli.Client;

/// <summary>The tables <c>webops status</c> prints.</summary>
public static class StatusTables
{
    public static Table List(IEnumerable<DeploymentInfo> deployments)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("NAME", "STATUS", "HEALTH", "URL");
        foreach (var d in deployments)
        {
            table.AddRow(Text(d.Name), Status(d.Status), Health(d.Health), Text(d.Url ?? "-"));
        }

        return table;
    }

    public static IRenderable Detail(DeploymentInfo d, IReadOnlyList<RunInfo> runs)
    {
        var facts = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Fact(string label, IRenderable value) => facts.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), value);
        Fact("name", Text(d.Name));
        Fact("status", Status(d.Status));
        Fact("health", Health(d.Health));
        Fact("url", Text(d.Urls is { Count: > 0 } urls ? string.Join(", ", urls) : d.Url ?? "-"));
        Fact("repository", Text($"{d.RepoUrl}@{d.Branch}"));
        Fact("commit", Text(d.CommitSha ?? "-"));
        Fact("type", Text(d.ProjectType ?? "-"));
        Fact("runs as", Text(d.UseDocker
            ? $"Docker container {Short(d.ContainerId)} of {d.Image ?? "-"}"
            : d.ProcessId is { } pid ? $"process {pid}" : "process (not running)"));
        Fact("host port", Text(d.HostPort?.ToString(CultureInfo.InvariantCulture) ?? "-"));

        var history = new Table().Border(TableBorder.Simple).AddColumns("RUN", "RESULT", "QUEUED", "TOOK", "COMMIT", "ERROR");
        foreach (var r in runs.Take(5))
        {
            history.AddRow(
                Text("#" + r.Id.ToString(CultureInfo.InvariantCulture)),
                Status(r.Result),
                Text(r.QueuedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                Text(r.DurationSeconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.0} s") : "-"),
                Text(Short(r.CommitSha)),
                Text(r.Error ?? ""));
        }

        return new Rows(facts, new Text(""), runs.Count == 0 ? new Text("No deploy runs yet.") : history);
    }

    private static Text Text(string value) => new(value);

    private static Text Status(string status) => new(status, new Style(status switch
    {
        "running" or "succeeded" => Color.Green,
        "failed" or "error" => Color.Red,
        "building" or "queued" => Color.Yellow,
        _ => Color.Default,
    }));

    private static Text Health(string health) => new(health, new Style(health switch
    {
        "healthy" => Color.Green,
        "unhealthy" => Color.Red,
        _ => Color.Default,
    }));

    private static string Short(string? id) => id is null ? "-" : id[..Math.Min(12, id.Length)];
}
