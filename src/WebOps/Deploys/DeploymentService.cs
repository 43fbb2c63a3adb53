using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Audit;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;
using WebOps.Core.Validation;
using WebOps.Data;
using WebOps.Hosting;
using WebOps.Proxy;

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
    PanelActions panelActions,
    ProxyChanges proxyChanges,
    IOptions<Core.Proxy.ProxyOptions> proxy,
    ReleaseCatalog releases,
    TimeProvider clock,
    AuditLog audit,
    Swarm.SwarmTargetCheck swarmTarget)
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

        if (errors.Count == 0)
        {
            errors.AddRange(await DomainClashesAsync(input, null, ct));
            errors.AddRange(await swarmTarget.CheckAsync(input, null, ct));
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
        await audit.RecordAsync(AuditActions.Create, d.Name);
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
        var errors = DeploymentValidator.ValidatePatch(input, ValidationOptions, d.Name).ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(await DomainClashesAsync(input, d.Id, ct));
            errors.AddRange(await swarmTarget.CheckAsync(input, d, ct));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var changes = ChangedFields.Track(d);
        DeploymentInputMapper.Apply(input, d);
        d.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Edit, d.Name, changes.Describe());
        new RunLog(sink, d.Name, d.Id, null).Info("webops", "Settings changed; redeploy to apply them.");
        notifier.Changed(d);
    }

    /// <summary>
    /// Queues a deploy run, or answers with the run already waiting to start (it clones when it starts, so it deploys
    /// the newest commit as well). While a run executes, one more is queued behind it; a deploy is never refused for
    /// another deploy. A waiting rollback is replaced: the newest request wins.
    /// </summary>
    public async Task<DeployTicket> QueueDeployAsync(Deployment d, CancellationToken ct)
    {
        if (StatusRefusal(d, DeploymentAction.Deploy) is { } why)
        {
            throw new ActionRefusedException(why);
        }

        var ticket = await QueueRunAsync(d, RunKind.Deploy, null, ct);
        await audit.RecordAsync(AuditActions.Deploy, d.Name, Queued(ticket));
        return ticket;
    }

    /// <summary>
    /// Queues a rollback to release <paramref name="run"/> (default: the release before the current one): a run that
    /// starts that release's image with its configuration, builds nothing, and stores the configuration back on the
    /// deployment when it succeeds. Queued like a deploy: an identical waiting request is joined, a different one
    /// replaced, and an executing run is waited for. Throws <see cref="ValidationFailedException"/> naming <c>run</c>
    /// for a run that is not a release, <see cref="ActionRefusedException"/> when the deployment cannot roll back (no
    /// Docker, image removed, a restored domain taken by another deployment).
    /// </summary>
    public async Task<DeployTicket> QueueRollbackAsync(Deployment d, int? run, CancellationToken ct)
    {
        if (StatusRefusal(d, DeploymentAction.Deploy) is { } why)
        {
            throw new ActionRefusedException(why);
        }

        var release = await releases.ChooseAsync(d, run, ct);
        var clashes = await DomainClashesAsync(new DeploymentInput { Domains = release.Config!.Domains }, d.Id, ct);
        if (clashes.Count > 0)
        {
            throw new ActionRefusedException(
                $"Cannot roll back '{d.Name}' to release #{release.Id}: it answered at domains another deployment uses now ({string.Join("; ", clashes.Select(c => c.Message))}).");
        }

        var ticket = await QueueRunAsync(d, RunKind.Rollback, release.Id, ct);
        await audit.RecordAsync(AuditActions.Rollback, d.Name, $"to release #{release.Id}, {Queued(ticket)}");
        return ticket;
    }

    private static string Queued(DeployTicket ticket) =>
        ticket.AlreadyQueued ? $"run #{ticket.Run.Id} (already queued)" : $"run #{ticket.Run.Id}";

    private Task<DeployTicket> QueueRunAsync(Deployment d, RunKind kind, int? rollbackOf, CancellationToken ct) =>
        queue.OneRequestAtATimeAsync(async () =>
        {
            var waiting = queue.WaitingRun(d.Id) is { } id ? await db.DeployRuns.SingleAsync(r => r.Id == id, ct) : null;
            if (waiting is not null && waiting.Kind == kind && waiting.RollbackOf == rollbackOf)
            {
                return new DeployTicket(waiting, AlreadyQueued: true, Behind: null);
            }

            var run = new DeployRun { DeploymentId = d.Id, QueuedAt = clock.GetUtcNow(), Kind = kind, RollbackOf = rollbackOf };
            db.DeployRuns.Add(run);
            // Not cancelled half-way: a saved run that never reached the queue would wait forever.
            await db.SaveChangesAsync(CancellationToken.None);
            var (behind, replaced) = waiting is null ? (queue.Enqueue(d.Id, run.Id), false) : queue.EnqueueInstead(d.Id, run.Id, waiting.Id);
            var ticket = new DeployTicket(run, AlreadyQueued: false, Behind: behind, Replaced: replaced ? waiting!.Id : null);
            if (replaced)
            {
                waiting!.Result = "cancelled";
                waiting.FinishedAt = clock.GetUtcNow();
                waiting.Error = $"Replaced by {run.KindText} #{run.Id}, asked for before this run started.";
                await db.SaveChangesAsync(CancellationToken.None);
                new RunLog(sink, d.Name, d.Id, waiting.Id).Info("webops", waiting.Error);
            }

            new RunLog(sink, d.Name, d.Id, run.Id).Info("webops", ticket.Message);
            return ticket;
        }, ct);

    public Task StartAsync(Deployment d, CancellationToken ct) =>
        ActAsync(d, DeploymentAction.Start, (r, s) => r.StartAsync(s, ct), ct);

    public Task StopAsync(Deployment d, CancellationToken ct) =>
        ActAsync(d, DeploymentAction.Stop, (r, s) => r.StopAsync(s, ct), ct);

    public Task RestartAsync(Deployment d, CancellationToken ct) =>
        ActAsync(d, DeploymentAction.Restart, (r, s) => r.RestartAsync(s, ct), ct);

    public async Task DeleteAsync(Deployment d, RemoveOptions options, CancellationToken ct)
    {
        ThrowIfRefused(d, DeploymentAction.Delete);
        var snapshot = SnapshotFactory.From(d);
        var runtime = runtimes.FirstOrDefault(r => r.Handles(snapshot));
        if (runtime is not null)
        {
            await runtime.RemoveAsync(snapshot, options, ct);
        }

        folders.Remove(d.Name);
        db.Deployments.Remove(d);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Delete, d.Name, options.Describe());
        proxyChanges.Notify();
    }

    /// <summary>The public URLs of <paramref name="d"/> through the edge proxy, one per name; none when the proxy is off.</summary>
    public IReadOnlyList<string> PublicUrls(Deployment d) => Core.Proxy.PublicUrls.Of(d, proxy.Value);

    /// <summary>True while a deploy run of <paramref name="d"/> is queued or running: every action but deploy is refused then.</summary>
    public bool IsDeploying(Deployment d) => queue.IsBusy(d.Id);

    /// <summary>
    /// Why <paramref name="action"/> would be refused for <paramref name="d"/> now, or null when it would go ahead:
    /// a deploy holds the deployment (deploy itself is never refused for that: it queues the run after), or the
    /// status table does not offer the action in its status. The API refuses with this message; the pages disable
    /// the action's button on the same answer.
    /// </summary>
    public string? RefusalOf(Deployment d, DeploymentAction action) =>
        action != DeploymentAction.Deploy && IsDeploying(d) ? Deploying(d, action) : StatusRefusal(d, action);

    public async Task<IReadOnlyList<RuntimeLogLine>> RuntimeLogsAsync(Deployment d, int tail, CancellationToken ct, string? service = null)
    {
        var snapshot = SnapshotFactory.From(d);
        return service is null
            ? await RuntimeFor(d, snapshot).GetLogsAsync(snapshot, tail, ct)
            : await RuntimeFor(d, snapshot).GetServiceLogsAsync(snapshot, service, tail, ct);
    }

    /// <summary>A Compose deployment's services with their states; empty for other apps or when the engine cannot say.</summary>
    public async Task<IReadOnlyList<Core.Compose.ServiceState>> ServicesAsync(Deployment d, CancellationToken ct)
    {
        if (d.ComposeProject is null)
        {
            return [];
        }

        var snapshot = SnapshotFactory.From(d);
        try
        {
            return runtimes.FirstOrDefault(r => r.Handles(snapshot)) is { } runtime && await runtime.InspectAsync(snapshot, ct) is { } state
                ? state.Services
                : [];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The page and the API still show the deployment; the health monitor reports the engine's trouble.
            return [];
        }
    }

    private async Task ActAsync(
        Deployment d, DeploymentAction action, Func<IAppRuntime, Core.Hooks.DeploymentSnapshot, Task> run, CancellationToken ct)
    {
        ThrowIfRefused(d, action);
        var verb = Verb(action);
        var to = StatusRules.For(action).LeadsTo
            ?? throw new InvalidOperationException($"The status table gives '{verb}' no status to lead to; it cannot run as a runtime action.");
        var snapshot = SnapshotFactory.From(d);
        var runtime = RuntimeFor(d, snapshot);
        // Until the new status is saved, the app's death is this action's doing (see PanelActions).
        using var acting = panelActions.Begin(d.Name);
        try
        {
            await run(runtime, snapshot);
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
        await audit.RecordAsync(AuditActions.Of(action), d.Name);
        new RunLog(sink, d.Name, d.Id, null).Info("webops", $"'{d.Name}' {verb} requested: now {Text(to)}.");
        notifier.Changed(d);
    }

    private void ThrowIfRefused(Deployment d, DeploymentAction action)
    {
        if (RefusalOf(d, action) is { } why)
        {
            throw new ActionRefusedException(why);
        }
    }

    /// <summary>Why the status table refuses <paramref name="action"/> in the deployment's status, or null when it offers it.</summary>
    private static string? StatusRefusal(Deployment d, DeploymentAction action)
    {
        if (StatusRules.Allows(action, d.Status))
        {
            return null;
        }

        // Building refuses every action but deploy because a deploy holds the deployment: say that, not "it is building".
        if (d.Status == DeploymentStatus.Building)
        {
            return Deploying(d, action);
        }

        var verb = Verb(action);
        var allowed = StatusRules.For(action).AllowedIn.Select(Text).ToArray();
        var when = allowed.Length == 1 ? allowed[0] : $"{string.Join(", ", allowed[..^1])} or {allowed[^1]}";
        return $"Cannot {verb} '{d.Name}': it is {Text(d.Status)}; {verb} works when it is {when}.";
    }

    private static string Deploying(Deployment d, DeploymentAction action) => action switch
    {
        DeploymentAction.Delete => $"'{d.Name}' is deploying; wait for the deploy to finish, then delete it.",
        _ => $"Cannot {Verb(action)} '{d.Name}' while it is deploying; wait for the deploy to finish.",
    };

    private static string Verb(DeploymentAction action) => action.ToString().ToLowerInvariant();

    private static string Text(DeploymentStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Domains of the input that the panel or another deployment already answers at: the edge can route a name to one app only.</summary>
    private async Task<List<FieldError>> DomainClashesAsync(DeploymentInput input, int? self, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        // With a base domain a new deployment also answers at NAME.BASE, which may be the panel's own name.
        if (self is null && proxy.Value.PanelDomain is { } panel && input.Name is { } newName
            && Core.Proxy.DomainNames.Of(newName, [], proxy.Value.BaseDomain).Contains(panel, StringComparer.Ordinal))
        {
            errors.Add(new FieldError("name", $"'{newName}' would answer at '{panel}' (Proxy:BaseDomain), the panel's own domain; choose another name"));
        }

        if (input.Domains is not { Count: > 0 } wanted)
        {
            return errors;
        }

        var others = await db.Deployments.AsNoTracking().Where(x => x.Id != self).Select(x => new { x.Name, x.Domains }).ToListAsync(ct);
        for (var i = 0; i < wanted.Count; i++)
        {
            var name = wanted[i].Trim();
            if (string.Equals(name, proxy.Value.PanelDomain, StringComparison.Ordinal))
            {
                errors.Add(new FieldError(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"domains[{i}]"),
                    $"'{name}' is the panel's own domain (Proxy:PanelDomain); choose another name"));
            }
            else if (others.FirstOrDefault(o => o.Domains.Contains(name, StringComparer.Ordinal)) is { } owner)
            {
                errors.Add(new FieldError(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"domains[{i}]"),
                    $"'{name}' is already used by deployment '{owner.Name}'; remove it there first, or choose another name"));
            }
        }

        return errors;
    }

    private IAppRuntime RuntimeFor(Deployment d, Core.Hooks.DeploymentSnapshot snapshot) =>
        runtimes.FirstOrDefault(r => r.Handles(snapshot))
        ?? throw new ActionRefusedException($"'{d.Name}' has nothing running to manage: deploy it first.");
}
