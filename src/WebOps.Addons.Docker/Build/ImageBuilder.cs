using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Hooks;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Build;

/// <summary>Builds a deploy's image from the checkout, streaming every build line into the deployment log.</summary>
public sealed class ImageBuilder(DockerEngine engine, IOptions<DockerOptions> options)
{
    /// <summary>Builds of one deploy at most: a second only when the first met the build cache losing an image.</summary>
    private const int MaxAttempts = 2;

    /// <summary>Builds <paramref name="tag"/>; returns null on success, else the failure message (no image is left behind).</summary>
    public async Task<string?> BuildAsync(HookContext context, string dockerfile, string tag, int runId, CancellationToken cancellationToken)
    {
        var deployment = context.Deployment;
        await using var tar = new FileStream(
            Path.Combine(Path.GetTempPath(), $"webops-context-{Guid.NewGuid():N}.tar"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var t = Stopwatch.GetTimestamp();
        var labels = Labels.ForRun(deployment.Name, runId);
        var suffix = await LabelSuffixAsync(Path.Combine(context.CheckoutPath!, dockerfile), labels, cancellationToken);
        var entries = await BuildContext.WriteAsync(context.CheckoutPath!, dockerfile, tar, cancellationToken, suffix);
        await tar.FlushAsync(cancellationToken);
        context.Log.Record(DeploySteps.BuildContext, Stopwatch.GetElapsedTime(t));
        context.Log.Info($"Building image {tag} from '{dockerfile}' ({entries.Count} files and folders, {tar.Length / 1024} KiB of context).");

        var parameters = Parameters(deployment, dockerfile, tag, runId, labelsInDockerfile: suffix is not null);

        // Docker:BuildTimeout bounds the deploy's building, a second build included.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.BuildTimeout);
        for (var attempt = 1; ; attempt++)
        {
            // Each build reads the context afresh: the engine client closes the stream it sends.
            await using var upload = new FileStream(tar.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var (failure, output) = await BuildOnceAsync(context, upload, parameters, tag, timeout.Token, cancellationToken);
            if (failure is not null || output is null)
            {
                return failure;
            }

            await RemoveQuietlyAsync(tag);
            if (attempt < MaxAttempts && BuildFailure.VanishedCacheImage(output.Error) is { } vanished)
            {
                context.Log.Warn($"The build cache lost image {vanished} while this build read it (another image was being removed); building again.");
                continue;
            }

            return BuildFailure.Describe(deployment.Name, output.CurrentStep, output.Error, output.StepOutput);
        }
    }

    /// <summary>
    /// Runs the build once. Returns (null, null) when the image was built, (message, null) for a failure that ends
    /// the deploy as it is, and (null, output) when the build reported an error: the caller decides from it.
    /// </summary>
    /// <param name="timeLimit">Cancelled at the build time limit or by <paramref name="cancellationToken"/>.</param>
    private async Task<(string? Failure, BuildOutput? Failed)> BuildOnceAsync(
        HookContext context, FileStream tar, ImageBuildParameters parameters, string tag, CancellationToken timeLimit, CancellationToken cancellationToken)
    {
        var name = context.Deployment.Name;
        var output = new BuildOutput((level, line) => context.Log.Write(level, DockerLog.Source, line));
        var t = Stopwatch.GetTimestamp();
        try
        {
            await engine.BuildImageAsync(tar, parameters, output.Handle, timeLimit);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await RemoveQuietlyAsync(tag);
            return ($"Build of '{name}' timed out after {Durations.Describe(options.Value.BuildTimeout)}; raise Docker:BuildTimeout or make the build faster.", null);
        }
        catch (DockerUnavailableException e)
        {
            // The engine answered the prepare step's ping, so it went away during the build.
            output.Flush();
            return (EngineStopped(name, engine.Endpoint, output, e), null);
        }
        catch (DockerApiException e)
        {
            await RemoveQuietlyAsync(tag);
            return ($"Build of '{name}' failed: {EngineErrors.Describe(e)}", null);
        }
        finally
        {
            context.Log.Record(DeploySteps.Build, Stopwatch.GetElapsedTime(t));
        }

        output.Flush();
        ImageInspectResponse? image;
        try
        {
            // A killed engine may end the build's stream as if it were done: the next call tells.
            image = await engine.InspectImageAsync(tag, cancellationToken);
        }
        catch (DockerUnavailableException e)
        {
            return (EngineStopped(name, engine.Endpoint, output, e), null);
        }

        if (output.Error is null && image is not null)
        {
            context.Log.Info($"Built image {tag} ({image.ID}, {image.Size / (1024 * 1024)} MiB).");
            return (null, null);
        }

        return (null, output);
    }

    /// <summary>
    /// The run's labels as a line for the Dockerfile (<see cref="DockerfileLabels"/>), or null when they go as build
    /// parameters instead: a Dockerfile that is a link, or one whose end would swallow the line.
    /// </summary>
    private static async Task<string?> LabelSuffixAsync(
        string dockerfilePath, IReadOnlyList<KeyValuePair<string, string>> labels, CancellationToken cancellationToken)
    {
        var file = new FileInfo(dockerfilePath);
        return file.Exists && file.LinkTarget is null
            ? DockerfileLabels.Suffix(await File.ReadAllTextAsync(dockerfilePath, cancellationToken), labels)
            : null;
    }

    /// <param name="labelsInDockerfile">True when the Dockerfile sent carries the labels, so the engine adds no label steps.</param>
    internal static ImageBuildParameters Parameters(DeploymentSnapshot deployment, string dockerfile, string tag, int runId, bool labelsInDockerfile = false) => new()
    {
        Dockerfile = dockerfile.Replace('\\', '/'),
        Tags = [tag],
        BuildArgs = new Dictionary<string, string>(deployment.DockerBuildArgs),
        Labels = labelsInDockerfile ? null : Labels.ForRun(deployment.Name, runId).ToDictionary(),
        Remove = true,

        // Also remove intermediate containers of failed steps, so a failed build leaves nothing behind.
        ForceRemove = true,
    };

    /// <summary>
    /// The engine went away mid-build: say so, with the build's last lines and what to do, on one line, since a hook's
    /// failure is reported by its first line.
    /// </summary>
    internal static string EngineStopped(string deployment, string endpoint, BuildOutput output, DockerUnavailableException cause)
    {
        var at = output.CurrentStep is null ? "" : $" at {output.CurrentStep}";
        var (_, lines) = BuildFailure.Cause(output.StepOutput);
        var last = lines.Count == 0 ? "" : $"; the build's last lines: {string.Join(" | ", lines.TakeLast(3))}";
        return $"Build of '{deployment}' failed{at}: the Docker engine stopped answering at {endpoint} "
            + $"({cause.InnerException?.Message ?? "no answer"}){last}. Start the engine again, then redeploy.";
    }

    private async Task RemoveQuietlyAsync(string tag)
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await engine.RemoveImageAsync(tag, force: true, cleanup.Token);
        }
        catch (Exception)
        {
            // Best effort: the build already failed, and that is the message the user needs.
        }
    }
}
