namespace WebOps.Addons.Docker.Compose;

/// <summary>The Compose project name of a deployment: <c>webops-NAME</c> (deployment names are already lowercase DNS labels).</summary>
public static class ComposeNames
{
    public static string Project(string deployment) => $"webops-{deployment}";
}
