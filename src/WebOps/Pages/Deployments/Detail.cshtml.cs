using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WebOps.Addons.Docker.Swarm.Services;
using WebOps.Core.Deployments;
using WebOps.Core.Llm;
using WebOps.Data;
using WebOps.Deploys;
using WebOps.Llm;
using WebOps.Pages.Shared;

namespace WebOps.Pages.Deployments;

/// <summary>
/// One deployment: what it is, what runs, its log and runs, and the buttons. The buttons are forms handled here,
/// so they work without JavaScript; with it, the page script calls the API instead.
/// </summary>
public sealed class DetailModel(DeploymentService deployments, WebOpsDbContext db, LlmSettingsService llm, SwarmServices swarm)
    : DeploymentPageModel(deployments)
{
    /// <summary>How many recent log lines the page starts with.</summary>
    public const int LogLines = 500;

    /// <summary><c>?reveal=1</c> (or <c>true</c>) shows secret values instead of the mask.</summary>
    [FromQuery(Name = "reveal")]
    public string? RevealParameter { get; set; }

    public bool Reveal => RevealParameter is "1" or "true";

    /// <summary>A past run whose log is shown instead of the latest lines.</summary>
    [FromQuery(Name = "run")]
    public int? SelectedRun { get; set; }

    /// <summary>A deploy run is queued or running: every button but Redeploy is disabled, as the API refuses every other action then.</summary>
    public bool Deploying { get; private set; }

    /// <summary>Why each action would be refused now (null: it would go ahead), as the API answers; a refused action's button is disabled.</summary>
    public IReadOnlyDictionary<DeploymentAction, string?> Refusals { get; private set; } = new Dictionary<DeploymentAction, string?>();

    public IReadOnlyList<DeployRun> Runs { get; private set; } = [];

    public IReadOnlyList<LogLine> Log { get; private set; } = [];

    /// <summary>The saved LLM settings of an llm deployment; null before the first save or for other types.</summary>
    public LlmSettings? Llm { get; private set; }

    /// <summary>Where the app answers through the edge proxy, one per domain.</summary>
    public IReadOnlyList<string> PublicUrls { get; private set; } = [];

    /// <summary>A Compose deployment's services with their states; empty for other apps.</summary>
    public IReadOnlyList<Core.Compose.ServiceState> Services { get; private set; } = [];

    /// <summary>A swarm deployment's tasks; null for other apps.</summary>
    public IReadOnlyList<SwarmTaskRow>? Tasks { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } deployment)
        {
            return Page();
        }

        Deploying = Deployments.IsDeploying(deployment);
        PublicUrls = Deployments.PublicUrls(deployment);
        Refusals = Enum.GetValues<DeploymentAction>().ToDictionary(a => a, a => Deployments.RefusalOf(deployment, a));
        Runs = await db.DeployRuns.AsNoTracking().Where(r => r.DeploymentId == deployment.Id)
            .OrderByDescending(r => r.Id).Take(20).ToListAsync(ct);
        var lines = db.DeploymentLogs.AsNoTracking().Where(l => l.DeploymentId == deployment.Id);
        if (SelectedRun is { } run)
        {
            lines = lines.Where(l => l.DeployRunId == run);
        }

        var newest = await lines.OrderByDescending(l => l.Id).Take(LogLines).ToListAsync(ct);
        Log = [.. newest.OrderBy(l => l.Id).Select(DeploymentLogSink.ToLine)];
        Llm = deployment.ProjectType == ProjectType.Llm ? await llm.FindAsync(deployment.Id, ct) : null;
        Services = await Deployments.ServicesAsync(deployment, ct);
        Tasks = await swarm.TaskRowsOfAsync(deployment, ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeployAsync(CancellationToken ct) =>
        ActAsync(async d => (await Deployments.QueueDeployAsync(d, ct)).Message, ct);

    public Task<IActionResult> OnPostStartAsync(CancellationToken ct) =>
        ActAsync(async d => { await Deployments.StartAsync(d, ct); return $"Started '{d.Name}'."; }, ct);

    public Task<IActionResult> OnPostStopAsync(CancellationToken ct) =>
        ActAsync(async d => { await Deployments.StopAsync(d, ct); return $"Stopped '{d.Name}'."; }, ct);

    public Task<IActionResult> OnPostRestartAsync(CancellationToken ct) =>
        ActAsync(async d => { await Deployments.RestartAsync(d, ct); return $"Restarted '{d.Name}'."; }, ct);

    /// <summary>Runs the action and comes back to this page with its result (post, redirect, get).</summary>
    private async Task<IActionResult> ActAsync(Func<Deployment, Task<string>> action, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } d)
        {
            return Page();
        }

        try
        {
            TempData.Success(await action(d));
        }
        catch (ActionRefusedException e)
        {
            TempData.Error(e.Message);
        }

        return Redirect($"/deployments/{d.Name}");
    }
}
