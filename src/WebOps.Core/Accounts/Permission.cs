namespace WebOps.Core.Accounts;

/// <summary>
/// What a request may do, from least to most: each level includes the ones below it, so a role or a token scope is
/// one level and a check is one comparison.
/// </summary>
public enum Permission
{
    /// <summary>See deployments, their status, health, runs and deploy log; secrets stay masked.</summary>
    Read = 1,

    /// <summary>Create, edit, deploy, start, stop and restart deployments; reveal their secrets and read the apps' output.</summary>
    Deploy = 2,

    /// <summary>Everything: users, tokens, addons, settings, deleting deployments.</summary>
    Admin = 3,
}
