namespace WebOps.Core.Accounts;

/// <summary>What an API token may do; see <see cref="Roles"/> for names and permissions.</summary>
public enum TokenScope
{
    Read = 1,
    Deploy = 2,
    Admin = 3,
}
