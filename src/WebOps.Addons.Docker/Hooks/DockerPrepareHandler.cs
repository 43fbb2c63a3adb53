using Microsoft.Extensions.Options;
using WebOps.Addons.Docker.Build;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Llm;
using WebOps.Core.Dockerfiles;
using WebOps.Core.Hooks;
using WebOps.Core.Planning;
using WebOps.Core.Releases;
using WebOps.Core.Validation;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>
/// pre_deployment: checks the engine answers and that there is a Dockerfile to build (generating one when allowed),
/// so a deploy that cannot build fails before anything is touched.
/// </summary>
public sealed class DockerPrepareHandler(
    DockerEngine engine, IOptions<DockerOptions> options, VllmDeployer? vllm = null, Compose.ComposeDeployer? compose = null) : IHookHandler
{
    public const string HandlerName = "docker.prepare";

    public string Name => HandlerName;

    public async Task<HookResult> ExecuteAsync(HookContext context, CancellationToken cancellationToken)
    {
        if (DockerDeployGuard.Check(context) is { } early)
        {
            return early;
        }

        var deployment = context.Deployment;

        try
        {
            context.Log.Info((await engine.PingAsync(cancellationToken)).ToString());
        }
        catch (DockerUnavailableException e)
        {
            return context.Log.Failed(e.Message);
        }

        var specError = FindSpecError(deployment);
        if (specError is not null)
        {
            return context.Log.Failed(specError);
        }

        // The plan was decided once after detection (BuildPlanner); this hook acts on it.
        var plan = context.Plan;
        if (plan is null)
        {
            return context.Log.Failed($"Deployment '{deployment.Name}' has no build plan; the Docker addon runs only inside a deploy.");
        }

        return plan.Source switch
        {
            _ when plan.Problem is { } problem => context.Log.Failed(problem),
            ImageSource.RepositoryDockerfile => UseRepositoryDockerfile(context, plan),
            ImageSource.GeneratedDockerfile => await WriteGeneratedFilesAsync(context, plan, cancellationToken),
            ImageSource.VllmImage when vllm is not null => await vllm.PrepareAsync(context, cancellationToken),
            ImageSource.ExistingImage => await FindReleaseImageAsync(context, plan, cancellationToken),
            ImageSource.Compose when compose is not null => await compose.PrepareAsync(context, plan, cancellationToken),
            _ => context.Log.Failed($"Deployment '{deployment.Name}' has nothing the Docker addon can build ({plan.Describe()})."),
        };
    }

    /// <summary>A rollback needs its release's image: a pruned one fails here, before the running app is touched.</summary>
    private async Task<HookResult> FindReleaseImageAsync(HookContext context, BuildPlan plan, CancellationToken cancellationToken)
    {
        // A swarm release's repo:tag@digest is looked up as repo@digest: the engine takes no reference with both.
        var image = plan.Image!;
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var lookup = at < 0 ? image : Engine.ImageReference.Split(image[..at]).Repository + image[at..];
        if (await engine.InspectImageAsync(lookup, cancellationToken) is null)
        {
            return context.Log.Failed(ReleaseRefusal.ImageRemoved(context.Deployment.Name, plan.Release, plan.Image));
        }

        context.Log.Info($"Using image {plan.Image} of release #{plan.Release}; nothing is built.");
        return HookResult.Ok();
    }

    private static HookResult UseRepositoryDockerfile(HookContext context, BuildPlan plan)
    {
        context.Log.Info($"Using the repository's Dockerfile at '{plan.DockerfilePath}'.");
        return HookResult.Ok();
    }

    private async Task<HookResult> WriteGeneratedFilesAsync(HookContext context, BuildPlan plan, CancellationToken cancellationToken)
    {
        var (text, problem) = Generate(context, plan);
        if (text is null)
        {
            return context.Log.Failed($"Dockerfile not found at '{plan.ConfiguredDockerfilePath}' and none can be generated: {problem}");
        }

        await File.WriteAllTextAsync(Path.Combine(context.CheckoutPath!, plan.DockerfilePath!), text, cancellationToken);
        context.Log.Info($"No Dockerfile at '{plan.ConfiguredDockerfilePath}'; generated '{plan.DockerfilePath}' for the {context.Detection!.Type} project:");
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            context.Log.Info(line);
        }

        await WriteDockerignoreAsync(context, cancellationToken);
        return HookResult.Ok();
    }

    /// <summary>The generated text, or the reason none can be generated.</summary>
    private (string? Text, string? Problem) Generate(HookContext context, BuildPlan plan)
    {
        var settings = options.Value;
        var dockerfileOptions = new DockerfileOptions
        {
            PythonBaseImage = settings.PythonBaseImage,
            StaticBaseImage = settings.StaticBaseImage,
            RunMigrations = settings.RunMigrations,
            Port = plan.Port,
        };
        try
        {
            return (GeneratedFiles.Marked(DockerfileGenerator.Generate(context.Detection!, dockerfileOptions)), null);
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Keeps .git, caches and bytecode out of the build, unless the repository says otherwise.</summary>
    private static async Task WriteDockerignoreAsync(HookContext context, CancellationToken cancellationToken)
    {
        var path = Path.Combine(context.CheckoutPath!, BuildContext.IgnoreFileName);
        if (File.Exists(path) && !GeneratedFiles.IsGenerated(path))
        {
            context.Log.Info($"Using the repository's {BuildContext.IgnoreFileName}.");
            return;
        }

        var body = GeneratedFiles.Marked(DockerfileGenerator.GenerateDockerignore(context.Detection!));
        await File.WriteAllTextAsync(path, body, cancellationToken);
        var patterns = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith('#'));
        context.Log.Info($"Generated {BuildContext.IgnoreFileName}: {string.Join(" ", patterns)}");
    }

    /// <summary>
    /// Volumes and ports are checked again here, against today's Docker:DeniedHostPaths, so a deployment saved under
    /// an older policy (or a bad value) fails before the image is built.
    /// </summary>
    private string? FindSpecError(DeploymentSnapshot deployment)
    {
        var input = new DeploymentInput { DockerVolumes = [.. deployment.DockerVolumes], DockerPorts = [.. deployment.DockerPorts] };
        var errors = DeploymentValidator.ValidatePatch(input, new ValidationOptions { DeniedHostPaths = options.Value.DeniedHostPaths });
        return errors.Count == 0 ? null : string.Join("; ", errors);
    }
}
