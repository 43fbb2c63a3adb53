using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;
using WebOps.Core.Validation;
using WebOps.Data;
using WebOps.Hosting;

namespace WebOps.Deploys;

/// <summary>What the form and the API both do to deployments: create, change, deploy, start/stop/restart, delete.</summary>
public sealed class DeploymentService(
    WebOpsDbContext db,
    DeployQueue queue,
    IEnumerable<IAppRuntime> runtimes,
    IOptions<DeploymentSettings> settings,
    IConfiguration configuration,
    StatusNotifier notifier,
    WorkFolders folders,
    DeploymentLogSink sink,
    TimeProvider clock)
{
    public ValidationOptions ValidationOptions => new()
    {
        AllowLocalRepos = settings.Value.AllowLocalRepos,
        DeniedHostPaths = configuration.GetSection("Docker:DeniedHostPaths").Get<string[]>() ?? [],
    };

    public Task<Deployment?> FindAsync(string name, CancellationToken ct) =>
        db.Deployments.FirstOrDefaultAsync(d => d.Name == name, ct);

    /// <summary>Validates, saves and queues the first deploy. Throws <see cref="ValidationFailedException"/>; nothing is saved then.</summary>
    public async Task<Deployment> CreateAsync(DeploymentInput input, CancellationToken ct)
    {
        var errors = DeploymentValidator.ValidateCreate(input, ValidationOptions).ToList();
        if (errors.Count == 0 && await db.Deployments.AnyAsync(d => d.Name == input.Name, ct))
        {
            errors.Add(new FieldError("name", $"a deployment named '{input.Name}' already exists; choose another name"));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var now = clock.GetUtcNow();
        var d = new Deployment { Name = input.Name!.Trim(), RepoUrl = input.RepoUrl!.Trim(), CreatedAt = now, UpdatedAt = now };
        DeploymentInputMapper.Apply(input, d);
        db.Deployments.Add(d);
        await db.SaveChangesAsync(ct);
        notifier.Changed(d);
        if (d.ProjectType == ProjectType.Llm)
        {
            // vLLM needs a model before it can start; deploying now could only fail.
            new RunLog(sink, d.Name, d.Id, null).Info("webops", "Save the LLM settings (model, GPUs), then deploy.");
            return d;
        }

        await QueueDeployAsync(d, ct);
        return d;
    }

    public async Task UpdateAsync(Deployment d, DeploymentInput input, CancellationToken ct)
    {
        var errors = DeploymentValidator.ValidatePatch(input, ValidationOptions, d.Name);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        DeploymentInputMapper.Apply(input, d);
        d.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        new RunLog(sink, d.Name, d.Id, null).Info("webops", "Settings changed; redeploy to apply them.");
        notifier.Changed(d);
    }

    /// <summary>Queues a deploy run; refused while one is queued or running for this deployment.</summary>
    public async Task<DeployRun> QueueDeployAsync(Deployment d, CancellationToken ct)
    {
        if (!queue.TryClaim(d.Id, out var holder))
        {
            throw new ActionRefusedException(
                $"A deploy of '{d.Name}' is already queued or running{(holder > 0 ? $" (run #{holder})" : "")}; wait for it to finish, then redeploy.");
        }

        try
        {
            var run = new DeployRun { DeploymentId = d.Id, QueuedAt = clock.GetUtcNow() };
            db.DeployRuns.Add(run);
            await db.SaveChangesAsync(ct);
            queue.Enqueue(d.Id, run.Id);
            new RunLog(sink, d.Name, d.Id, run.Id).Info("webops", $"Deploy #{run.Id} queued.");
            return run;
        }
        catch
        {
            queue.Release(d.Id);
            throw;
        }
    }

    public Task StartAsync(Deployment d, CancellationToken ct) =>
        ActAsync(d, "start", [DeploymentStatus.Stopped, DeploymentStatus.Failed], DeploymentStatus.Running,
            (r, s) => r.StartAsync(s, ct), ct);

    public Task StopAsync(Deployment d, CancellationToken ct) =>
        ActAsync(d, "stop", [DeploymentStatus.Running, DeploymentStatus.Failed], DeploymentStatus.Stopped,
            (r, s) => r.StopAsync(s, ct), ct);

    public Task RestartAsync(Deployment d, CancellationToken ct) =>
        ActAsync(d, "restart", [DeploymentStatus.Running, DeploymentStatus.Stopped, DeploymentStatus.Failed], DeploymentStatus.Running,
            (r, s) => r.RestartAsync(s, ct), ct);

    public async Task DeleteAsync(Deployment d, bool removeImages, CancellationToken ct)
    {
        if (queue.IsBusy(d.Id))
        {
            throw new ActionRefusedException($"'{d.Name}' is deploying; wait for the deploy to finish, then delete it.");
        }

        var snapshot = SnapshotFactory.From(d);
        var runtime = runtimes.FirstOrDefault(r => r.Handles(snapshot));
        if (runtime is not null)
        {
            await runtime.RemoveAsync(snapshot, removeImages, ct);
        }

        folders.Remove(d.Name);
        db.Deployments.Remove(d);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<RuntimeLogLine>> RuntimeLogsAsync(Deployment d, int tail, CancellationToken ct)
    {
        var snapshot = SnapshotFactory.From(d);
        return await RuntimeFor(d, snapshot).GetLogsAsync(snapshot, tail, ct);
    }

    private async Task ActAsync(
        Deployment d, string verb, DeploymentStatus[] from, DeploymentStatus to,
        Func<IAppRuntime, Core.Hooks.DeploymentSnapshot, Task> action, CancellationToken ct)
    {
        if (queue.IsBusy(d.Id) || d.Status == DeploymentStatus.Building)
        {
            throw new ActionRefusedException($"Cannot {verb} '{d.Name}' while it is deploying; wait for the deploy to finish.");
        }

        if (!from.Contains(d.Status))
        {
            throw new ActionRefusedException($"Cannot {verb} '{d.Name}': it is {d.Status.ToString().ToLowerInvariant()}.");
        }

        var snapshot = SnapshotFactory.From(d);
        var runtime = RuntimeFor(d, snapshot);
        try
        {
            await action(runtime, snapshot);
            // A restarted process has a new pid; keep what the page shows true.
            if (await runtime.InspectAsync(snapshot, ct) is { App: { } app })
            {
                d.Record(app with { PublishedPorts = d.PublishedPorts, Url = d.Url });
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not ActionRefusedException)
        {
            throw new ActionRefusedException($"Could not {verb} '{d.Name}': {e.Message}", e);
        }

        d.MoveTo(to, clock);
        if (to == DeploymentStatus.Stopped)
        {
            d.Health = HealthState.Unknown;
        }

        await db.SaveChangesAsync(ct);
        new RunLog(sink, d.Name, d.Id, null).Info("webops", $"'{d.Name}' {verb} requested: now {to.ToString().ToLowerInvariant()}.");
        notifier.Changed(d);
    }

    private IAppRuntime RuntimeFor(Deployment d, Core.Hooks.DeploymentSnapshot snapshot) =>
        runtimes.FirstOrDefault(r => r.Handles(snapshot))
        ?? throw new ActionRefusedException($"'{d.Name}' has nothing running to manage: deploy it first.");
}
