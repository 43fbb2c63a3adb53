using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Core.Detection;
using WebOps.Core.Hooks;
using WebOps.Data;
using WebOps.Hosting;

namespace WebOps.Deploys;

/// <summary>
/// The deploy flow, top to bottom: checkout, detect, pre_deployment hooks (a gate), post_deployment hooks
/// (where addons build and start the app), then running. Every step writes to the deployment log.
/// </summary>
public sealed class DeployOrchestrator(
    WebOpsDbContext db,
    GitCheckout git,
    HookRunner hooks,
    HostPortAllocator ports,
    DeploymentLogSink sink,
    StatusNotifier notifier,
    WorkFolders folders,
    IOptions<DeploymentSettings> settings,
    TimeProvider clock,
    ILogger<DeployOrchestrator> logger)
{
    public async Task RunAsync(int runId, CancellationToken ct)
    {
        var run = await db.DeployRuns.SingleAsync(r => r.Id == runId, ct);
        var d = await db.Deployments.SingleAsync(x => x.Id == run.DeploymentId, ct);
        var log = new RunLog(sink, d.Name, d.Id, run.Id);
        var started = clock.GetUtcNow();
        run.StartedAt = started;
        run.Result = "running";
        d.MoveTo(DeploymentStatus.Building, clock);
        await SaveAndNotifyAsync(d, ct);
        log.Info("webops", $"Deploy #{run.Id} of '{d.Name}' started: {d.RepoUrl}@{d.Branch}");
        try
        {
            var runtime = await DeployAsync(d, run, log, ct);
            d.RuntimeImage = runtime.Image;
            d.RuntimeId = runtime.ContainerId;
            d.PublishedPorts = [.. runtime.PublishedPorts];
            d.Url = runtime.Url;
            d.Health = HealthState.Unknown;
            run.Image = runtime.Image;
            run.Result = "succeeded";
            d.MoveTo(DeploymentStatus.Running, clock);
            log.Info("webops", $"Deploy #{run.Id} succeeded in {Seconds(started)}; '{d.Name}' is running{(d.Url is null ? " (no published address)" : $" at {d.Url}")}");
        }
        catch (Exception e) when (e is DeployFailedException or ProjectDetectionException)
        {
            Fail(d, run, log, e.Message, started);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Fail(d, run, log, "Deploy interrupted: the panel is shutting down. Redeploy when it is back.", started);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Deploy run {RunId} of {Name} failed unexpectedly", run.Id, d.Name);
            Fail(d, run, log, $"Deploy failed unexpectedly: {e.Message}", started);
        }
        finally
        {
            run.FinishedAt = clock.GetUtcNow();
            await sink.FlushAsync();
            await SaveAndNotifyAsync(d, CancellationToken.None);
            await TrimLogAsync(d.Id);
        }
    }

    /// <summary>Keeps the newest <c>Deployments:MaxLogLines</c> lines of a deployment's log.</summary>
    private async Task TrimLogAsync(int deploymentId)
    {
        var cutoff = await db.DeploymentLogs.Where(l => l.DeploymentId == deploymentId)
            .OrderByDescending(l => l.Id).Skip(settings.Value.MaxLogLines).Select(l => (long?)l.Id).FirstOrDefaultAsync();
        if (cutoff is not null)
        {
            await db.DeploymentLogs.Where(l => l.DeploymentId == deploymentId && l.Id <= cutoff).ExecuteDeleteAsync();
        }
    }

    private async Task<RuntimeInfo> DeployAsync(Deployment d, DeployRun run, RunLog log, CancellationToken ct)
    {
        var (checkout, sha) = await git.CloneAsync(d.RepoUrl, d.Branch, folders.Checkout(d.Name), log, ct);
        d.CommitSha = run.CommitSha = sha;

        var detection = ProjectDetector.Detect(checkout, d.ProjectType, d.DockerfilePath == Deployment.DefaultDockerfilePath ? null : d.DockerfilePath, $"{d.RepoUrl}@{d.Branch}");
        log.Info("webops", $"Detected {detection.Type.ToString().ToLowerInvariant()}: {detection.Reason}");

        d.HostPort ??= await ports.AllocateAsync(db, d.Id, ct);
        await db.SaveChangesAsync(ct);

        var context = new HookContext
        {
            Event = HookEvent.PreDeployment,
            Deployment = SnapshotFactory.From(d, detection.Type, run.Id, PortFor(d, detection, checkout)),
            CheckoutPath = checkout,
            Detection = detection,
            Log = log,
        };
        var pre = await hooks.RunPreDeploymentAsync(context, ct);
        if (!pre.Succeeded)
        {
            throw new DeployFailedException(pre.Message ?? "A pre_deployment hook failed.");
        }

        var post = await hooks.RunPostDeploymentAsync(context, ct);
        if (!post.Succeeded)
        {
            throw new DeployFailedException(post.Message ?? "A post_deployment hook failed.");
        }

        // A container on network "none" runs without an address; only nothing running at all is a failure.
        if (context.Runtime.Url is null && context.Runtime.ContainerId is null)
        {
            throw new DeployFailedException(d.UseDocker
                ? "No addon started the app: is the docker addon enabled? Check the Addons page."
                : "No addon started the app: is the process addon enabled? Check the Addons page.");
        }

        return context.Runtime;
    }

    /// <summary>The user's port, else an existing Dockerfile's first EXPOSE, else the project type's default.</summary>
    private static int PortFor(Deployment d, DetectionResult detection, string checkout)
    {
        if (d.Port > 0)
        {
            return d.Port;
        }

        var dockerfile = detection.DockerfilePath is null ? null : Path.Combine(checkout, detection.DockerfilePath);
        if (dockerfile is not null && File.Exists(dockerfile))
        {
            foreach (var line in File.ReadLines(dockerfile).Take(500))
            {
                var parts = line.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2 && parts[0].Equals("EXPOSE", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(parts[1].Split('/')[0], out var exposed) && exposed is > 0 and < 65536)
                {
                    return exposed;
                }
            }
        }

        return SnapshotFactory.EffectivePort(d, detection.Type);
    }

    private void Fail(Deployment d, DeployRun run, RunLog log, string message, DateTimeOffset started)
    {
        log.Error("webops", $"Deploy #{run.Id} failed after {Seconds(started)}: {message}");
        run.Result = "failed";
        run.Error = message.Length > 2000 ? message[..2000] : message;
        d.MoveTo(DeploymentStatus.Failed, clock);
    }

    private string Seconds(DateTimeOffset started) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(clock.GetUtcNow() - started).TotalSeconds:0.0} s");

    private async Task SaveAndNotifyAsync(Deployment d, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        notifier.Changed(d);
    }
}
