namespace WebOps.Core.Accounts;

/// <summary>What a user may do in the panel; see <see cref="Roles"/> for names and permissions.</summary>
public enum Role
{
    Viewer = 1,
    Deployer = 2,
    Admin = 3,
}
