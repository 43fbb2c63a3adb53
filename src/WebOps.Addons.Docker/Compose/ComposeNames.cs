namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// The Compose names of a deployment. Its project is <c>webops-NAME</c>; a redeploy beside the running project uses
/// the other of a pair, <c>webops-NAME</c> and <c>webops-NAME_b</c>, which take turns like the edge's two slots.
/// Deployment names are lowercase DNS labels, so the underscore keeps <c>webops-NAME_b</c> apart from any other
/// deployment's project. Named volumes keep the first project's names whichever project runs, so data stays.
/// </summary>
public static class ComposeNames
{
    public static string Project(string deployment) => $"webops-{deployment}";

    /// <summary>Both projects a deployment's releases run as.</summary>
    public static IReadOnlyList<string> Projects(string deployment) => [Project(deployment), $"{Project(deployment)}_b"];

    /// <summary>The project a release beside <paramref name="current"/> runs as.</summary>
    public static string Other(string deployment, string current) =>
        current == Project(deployment) ? Projects(deployment)[1] : Project(deployment);

    /// <summary>
    /// The engine's name of the file's volume <paramref name="key"/>: what Compose itself names it in project
    /// <c>webops-NAME</c>, so volumes made before releases took turns are the ones kept.
    /// </summary>
    public static string Volume(string deployment, string key) => $"{Project(deployment)}_{key}";
}
