namespace WebOps.Core.Deployments;

public enum ProjectType
{
    Auto,
    Django,
    Static,
    Llm,
}
