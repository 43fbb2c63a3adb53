namespace WebOps.Core.Deployments;

public enum ProjectType
{
    Auto,
    Django,
    Static,
    Llm,

    /// <summary>A Docker Compose project (docker_compose_path, or a compose file at the root and nothing else detected).</summary>
    Compose,
}
