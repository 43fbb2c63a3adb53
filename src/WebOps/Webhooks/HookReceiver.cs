using Microsoft.EntityFrameworkCore;
using WebOps.Audit;
using WebOps.Data;
using WebOps.Deploys;

namespace WebOps.Webhooks;

/// <summary>
/// Takes one delivery to <c>/api/hooks/NAME</c> from the raw request to its answer: size, signature, then the rule of
/// <see cref="HookDecision"/>, and a deploy through <see cref="DeploymentService.QueueDeployAsync"/>. Every answer goes
/// through <see cref="DeliveryRecorder.Record"/> once.
/// </summary>
public sealed class HookReceiver(
    DeploymentService deployments,
    WebOpsDbContext db,
    UnknownHookSecret unknownSecret,
    DeliveryRecorder recorder,
    DeploymentLogSink sink,
    TimeProvider clock)
{
    /// <summary>The one answer to every refused signature, a wrong name included: it must not tell them apart.</summary>
    public const string Unauthorized =
        "The delivery's signature does not match this hook's secret. Check the hook's URL, and copy the secret into the " +
        "provider's webhook settings (GitHub and Gitea: Secret; GitLab: Secret token; others: Authorization: Bearer SECRET).";

    public async Task<HookAnswer> ReceiveAsync(string name, HttpRequest request, CancellationToken ct)
    {
        var time = clock.GetUtcNow();
        var headers = HookHeaders.From(request.Headers);
        var provider = headers.Provider;
        var providerName = provider?.ToString().ToLowerInvariant() ?? "unknown";
        var eventName = provider is { } p ? headers.EventFor(p) : null;
        HookAnswer Finish(int? deploymentId, string? branch, HookAnswer answer, string? result = null)
        {
            recorder.Record(new HookDelivery(name, deploymentId, time, providerName, eventName, branch, answer.Status, result ?? answer.Reason, answer.RunId));
            return answer;
        }

        if (await HookBody.ReadAsync(request, ct) is not { } body)
        {
            return Finish(null, null, new HookAnswer(StatusCodes.Status413PayloadTooLarge,
                $"The body is larger than {HookBody.Limit} bytes (1 MiB); a push delivery is a few KiB. Send only push events to this hook."));
        }

        // The same work whatever the name: one lookup of the id, one of the secret, one decryption, one check. The
        // deployment itself is loaded only once the delivery is verified: reading it decrypts its variables too.
        var id = await db.Deployments.AsNoTracking().Where(x => x.Name == name).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
        var stored = await db.Webhooks.AsNoTracking().Where(w => w.DeploymentId == (id ?? -1)).Select(w => w.Secret).FirstOrDefaultAsync(ct);
        var secret = stored ?? unknownSecret.Read();
        var signed = provider is { } from && HookSignature.Verify(from, secret, headers, body);
        var d = id is not null && stored is not null && signed ? await deployments.FindAsync(name, ct) : null;
        if (d is null)
        {
            return Finish(id, null, new HookAnswer(StatusCodes.Status401Unauthorized, Unauthorized), WhyRefused(id, stored, headers, signed));
        }

        DeliveryEvent delivered;
        try
        {
            delivered = DeliveryParser.Parse(provider!.Value, headers, body);
        }
        catch (HookPayloadException e)
        {
            return Finish(d.Id, null, new HookAnswer(StatusCodes.Status400BadRequest, e.Message));
        }

        var verdict = HookDecision.Decide(delivered, d.Branch, d.AutoDeploy);
        if (!verdict.Deploy)
        {
            return Finish(d.Id, verdict.Branch, new HookAnswer(StatusCodes.Status202Accepted, verdict.Reason));
        }

        try
        {
            // The deploy is the provider's doing: the audit log names it, not the anonymous request.
            using var actor = AuditLog.ActingAs(AuditActor.Webhook(providerName));
            var ticket = await deployments.QueueDeployAsync(d, ct);
            var run = ticket.Run.Id;
            var reason = ticket.AlreadyQueued
                ? $"{verdict.Reason}: deploy #{run} was already queued; it deploys the newest commit"
                : $"{verdict.Reason}: queued deploy #{run}";
            new RunLog(sink, d.Name, d.Id, run).Info("webhook", $"{provider} delivery: {reason}.");
            return Finish(d.Id, verdict.Branch, new HookAnswer(StatusCodes.Status202Accepted, reason, run));
        }
        catch (ActionRefusedException e)
        {
            return Finish(d.Id, verdict.Branch, new HookAnswer(StatusCodes.Status409Conflict, e.Message));
        }
    }

    /// <summary>Why a delivery was refused, for the log and the deployment's list only: the answer says none of it.</summary>
    private static string WhyRefused(int? id, string? stored, HookHeaders headers, bool signed) =>
        id is null ? "no deployment of that name"
        : stored is null ? "no webhook secret yet: generate one on the deployment's page"
        : headers.Provider is not { } sender ? "no signature: expected X-Hub-Signature-256, X-Gitlab-Token, X-Gitea-Signature or Authorization: Bearer"
        : !headers.HasSignature(sender) ? $"no signature: the {sender.ToString().ToLowerInvariant()} delivery has no {HookHeaders.SignatureHeader(sender)} header"
        : !signed ? $"wrong {sender.ToString().ToLowerInvariant()} signature"
        : "the deployment was deleted while the delivery was checked";
}
