using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using WebOps.Core.Deployments;
using WebOps.Core.Detection;
using WebOps.Core.Hooks;
using WebOps.Core.Releases;
using WebOps.Core.Runtime;
using WebOps.Core.Text;
using WebOps.Data;
using WebOps.Proxy;

namespace WebOps.Deploys;

/// <summary>
/// One deploy run, read top to bottom as its runbook: checkout, detect, decide what to build, pre_deployment hooks
/// (a gate), build and start (post_deployment hooks, where the Docker or process addon starts the app and returns
/// what it started), record. Every step writes to the deployment log; docs/architecture.md draws the same steps.
/// </summary>
public sealed class DeployOrchestrator(
    WebOpsDbContext db,
    GitCheckout git,
    DeployHooks hooks,
    HostPortAllocator ports,
    DeploymentLogSink sink,
    DeploymentLogTrimmer trimmer,
    StatusNotifier notifier,
    WorkFolders folders,
    ProxyStatus proxy,
    TimeProvider clock,
    ILogger<DeployOrchestrator> logger)
{
    /// <summary>
    /// Executes run <paramref name="runId"/>. <paramref name="ended"/> is called as soon as the run's result and the
    /// deployment's status are saved, before the tidying after it (metrics, log trim): whoever reads the ended run
    /// may act on the deployment at once, without meeting "a deploy is running".
    /// </summary>
    public async Task RunAsync(int runId, Action ended, CancellationToken ct)
    {
        var run = await db.DeployRuns.SingleAsync(r => r.Id == runId, ct);
        var d = await db.Deployments.SingleAsync(x => x.Id == run.DeploymentId, ct);
        var log = new RunLog(sink, d.Name, d.Id, run.Id);
        var started = clock.GetUtcNow();
        run.StartedAt = started;
        run.Result = "running";
        d.MoveTo(DeploymentStatus.Building, clock);
        await SaveAndNotifyAsync(d, ct);
        log.Info("webops", run.Kind == RunKind.Rollback
            ? $"Rollback #{run.Id} of '{d.Name}' to release #{run.RollbackOf} started: no clone, no build"
            : $"Deploy #{run.Id} of '{d.Name}' started: {d.RepoUrl}@{d.Branch}");
        try
        {
            if (proxy.DeployRefusal(d) is { } refusal)
            {
                throw new DeployFailedException(refusal);
            }

            var earlier = await EarlierReleaseImagesAsync(d, run, ct);
            var (context, release) = run.Kind == RunKind.Rollback
                ? await RestoreAsync(d, run, earlier, log, ct)
                : (await CheckoutDetectDecideAsync(d, run, earlier, log, ct), null);
            await RunPreDeploymentHooksAsync(context, log, ct);
            var app = await BuildAndStartAsync(context, log, ct);
            Record(d, run, app, context, release, log, started);
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
            log.Info("webops", log.Steps.Summary(run.FinishedAt.Value - started));
            await sink.FlushAsync();
            await SaveAndNotifyAsync(d, CancellationToken.None);
            ended();
            Metrics.DeployMeter.Record(d.Name, run.Result, run.FinishedAt.Value - started);
            await trimmer.TrimAsync(d.Id);
        }
    }

    /// <summary>Steps 1 to 3 of a deploy: the newest commit of the branch, what it is, and what is built from it.</summary>
    private async Task<HookContext> CheckoutDetectDecideAsync(
        Deployment d, DeployRun run, IReadOnlyList<string> earlier, RunLog log, CancellationToken ct)
    {
        var t = Stopwatch.GetTimestamp();
        var checkout = await CheckoutAsync(d, run, log, ct);
        log.Record(DeploySteps.Clone, Stopwatch.GetElapsedTime(t));
        t = Stopwatch.GetTimestamp();
        var detection = Detect(d, checkout, log);
        log.Record(DeploySteps.Detect, Stopwatch.GetElapsedTime(t));
        return await DecideAsync(d, run, checkout, detection, earlier, log, ct);
    }

    /// <summary>
    /// Steps 1 to 3 of a rollback: nothing is cloned or detected; the plan starts the release's image with the
    /// release's configuration (stored on the deployment only once the rollback succeeded).
    /// </summary>
    private async Task<(HookContext Context, DeployRun Release)> RestoreAsync(
        Deployment d, DeployRun run, IReadOnlyList<string> earlier, RunLog log, CancellationToken ct)
    {
        var release = await db.DeployRuns.SingleOrDefaultAsync(r => r.Id == run.RollbackOf && r.DeploymentId == d.Id, ct);
        if (ReleaseRefusal.Of(d, release, run.RollbackOf) is { } refused)
        {
            throw new DeployFailedException(refused);
        }

        run.CommitSha = release!.CommitSha;
        d.HostPort ??= await ports.AllocateAsync(db, d.Id, ct);
        await db.SaveChangesAsync(ct);
        var context = DeployContexts.ForRelease(d, release, run.Id, log, earlier);
        log.Info("webops", $"Plan: {context.Plan!.Describe()}");
        return (context, release);
    }

    /// <summary>The images of the succeeded runs before this one, newest first, for the pruner to keep the newest.</summary>
    private async Task<IReadOnlyList<string>> EarlierReleaseImagesAsync(Deployment d, DeployRun run, CancellationToken ct) =>
        await db.DeployRuns.AsNoTracking()
            .Where(r => r.DeploymentId == d.Id && r.Id < run.Id && r.Result == "succeeded" && r.Image != null)
            .OrderByDescending(r => r.Id).Take(100).Select(r => r.Image!).ToListAsync(ct);

    /// <summary>Step 1: a fresh clone of the branch; the commit is recorded on the run.</summary>
    private async Task<string> CheckoutAsync(Deployment d, DeployRun run, RunLog log, CancellationToken ct)
    {
        var (checkout, sha) = await git.CloneAsync(d.RepoUrl, d.Branch, folders.Checkout(d.Name), log, ct);
        d.CommitSha = run.CommitSha = sha;
        return checkout;
    }

    /// <summary>Step 2: what the checkout is (Django, static site, LLM, own Dockerfile).</summary>
    private static DetectionResult Detect(Deployment d, string checkout, RunLog log)
    {
        var explicitDockerfile = d.DockerfilePath == Deployment.DefaultDockerfilePath ? null : d.DockerfilePath;
        var detection = ProjectDetector.Detect(
            checkout, d.ProjectType, explicitDockerfile, $"{d.RepoUrl}@{d.Branch}", d.DockerComposePath, d.ComposeService);
        log.Info("webops", $"Detected {detection.Type.ToString().ToLowerInvariant()}: {detection.Reason}");
        return detection;
    }

    /// <summary>Step 3: what is built and on which port the app listens, decided once; the host port is kept across deploys.</summary>
    private async Task<HookContext> DecideAsync(
        Deployment d, DeployRun run, string checkout, DetectionResult detection, IReadOnlyList<string> earlier, RunLog log, CancellationToken ct)
    {
        d.HostPort ??= await ports.AllocateAsync(db, d.Id, ct);
        await db.SaveChangesAsync(ct);
        var context = DeployContexts.Create(d, detection, checkout, run.Id, log, earlier);
        log.Info("webops", $"Plan: {context.Plan!.Describe()}");
        return context;
    }

    /// <summary>Step 4: pre_deployment hooks, a gate: the first failure stops the deploy before anything is touched.</summary>
    private async Task RunPreDeploymentHooksAsync(HookContext context, RunLog log, CancellationToken ct)
    {
        var t = Stopwatch.GetTimestamp();
        var failure = await hooks.GateAsync(context, ct);
        log.Record(DeploySteps.Hooks, Stopwatch.GetElapsedTime(t));
        if (failure is not null)
        {
            throw new DeployFailedException(failure);
        }
    }

    /// <summary>
    /// Step 5: post_deployment hooks; the runtime addon builds and starts the app and says what runs. The steps it
    /// times itself (build, start, ready, switch) are its own; the rest of the hooks' time counts as hooks.
    /// </summary>
    private async Task<RunningApp> BuildAndStartAsync(HookContext context, RunLog log, CancellationToken ct)
    {
        var t = Stopwatch.GetTimestamp();
        var timedBefore = log.Steps.Total();
        try
        {
            var (app, failure) = await hooks.StartAsync(context, ct);
            return app ?? throw new DeployFailedException(failure!);
        }
        finally
        {
            var untimed = Stopwatch.GetElapsedTime(t) - (log.Steps.Total() - timedBefore);
            log.Record(DeploySteps.Hooks, untimed < TimeSpan.Zero ? TimeSpan.Zero : untimed);
        }
    }

    /// <summary>
    /// Step 6: what runs now is recorded on the deployment and the run, which becomes a release with the configuration
    /// it ran with. A rollback stores its release's configuration back on the deployment, so the next deploy keeps it.
    /// </summary>
    private void Record(Deployment d, DeployRun run, RunningApp app, HookContext context, DeployRun? release, RunLog log, DateTimeOffset started)
    {
        if (release?.Config is { } restored)
        {
            restored.ApplyTo(d);
            d.CommitSha = release.CommitSha;
            log.Info("webops", $"Configuration of release #{release.Id} restored (variables, ports, volumes, network, domains, port); the next deploy builds with it.");
        }

        d.Record(app);
        d.AppPort = context.Deployment.Port;
        d.Health = HealthState.Unknown;
        run.Image = (app as RunningContainer)?.Image;
        run.Config = release?.Config ?? ReleaseConfig.Of(d, context.Deployment.ProjectType, context.Deployment.Port);
        run.Result = "succeeded";
        d.MoveTo(DeploymentStatus.Running, clock);
        log.Info("webops", $"{Title(run)} succeeded in {Seconds(started)}; '{d.Name}' is running{app.Where()}: {app.Describe()}");
    }

    private void Fail(Deployment d, DeployRun run, RunLog log, string failure, DateTimeOffset started)
    {
        // A failure may quote a program's coloured output; the run's error is shown as plain text.
        var message = TerminalText.Strip(failure);
        log.Error("webops", $"{Title(run)} failed after {Seconds(started)}: {message}");
        run.Result = "failed";
        run.Error = message.Length > 2000 ? message[..2000] : message;
        d.MoveTo(DeploymentStatus.Failed, clock);
    }

    private static string Title(DeployRun run) => run.Kind == RunKind.Rollback ? $"Rollback #{run.Id}" : $"Deploy #{run.Id}";

    private string Seconds(DateTimeOffset started) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(clock.GetUtcNow() - started).TotalSeconds:0.0} s");

    private async Task SaveAndNotifyAsync(Deployment d, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        notifier.Changed(d);
    }
}
