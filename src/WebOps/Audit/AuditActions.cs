using System.Reflection;
using WebOps.Core.Deployments;

namespace WebOps.Audit;

/// <summary>
/// The names an audit entry's action can have: what <c>GET /api/audit?action=</c> and the page's filter accept.
/// A new constant here is all a new kind of entry needs; <see cref="All"/> finds it.
/// </summary>
public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string Logout = "logout";
    public const string TwoFactorEnabled = "two_factor.enable";
    public const string TwoFactorDisabled = "two_factor.disable";

    public const string Create = "deployment.create";
    public const string Edit = "deployment.edit";
    public const string Deploy = "deployment.deploy";
    public const string Rollback = "deployment.rollback";
    public const string Start = "deployment.start";
    public const string Stop = "deployment.stop";
    public const string Restart = "deployment.restart";
    public const string Delete = "deployment.delete";
    public const string WebhookDelivery = "webhook.delivery";

    public const string Backup = "backup";
    public const string UserCreated = "user.create";
    public const string UserRoleChanged = "user.role";
    public const string UserDeleted = "user.delete";
    public const string TokenCreated = "token.create";
    public const string TokenRevoked = "token.revoke";
    public const string AddonEnabled = "addon.enable";
    public const string AddonDisabled = "addon.disable";
    public const string ClusterInit = "cluster.init";
    public const string ClusterTokensRotated = "cluster.rotate_tokens";
    public const string ClusterNodeChanged = "cluster.node_update";

    /// <summary>Every action name, in the order declared above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    /// <summary>The action a runtime action of the status table is recorded as.</summary>
    public static string Of(DeploymentAction action) => action switch
    {
        DeploymentAction.Deploy => Deploy,
        DeploymentAction.Start => Start,
        DeploymentAction.Stop => Stop,
        DeploymentAction.Restart => Restart,
        DeploymentAction.Delete => Delete,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No audit action for this deployment action; add one to AuditActions."),
    };
}
