namespace WebOps.Core.Runtime;

/// <summary>A Compose project started by the Docker addon: its project name and the service the edge routes to.</summary>
public sealed record RunningCompose(string Project, string PublicService) : RunningApp
{
    public override string Describe() => $"compose project {Project} (public service {PublicService})";
}
