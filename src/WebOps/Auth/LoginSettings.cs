namespace WebOps.Auth;

/// <summary>Configuration section <c>Login</c>: how many failed logins a username or an address gets.</summary>
public sealed class LoginSettings
{
    public const string SectionName = "Login";

    /// <summary>Failed logins allowed per username and per client address within <see cref="Window"/>.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>Counted from a key's first failure; when it has passed, the key starts afresh.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Usernames and addresses tracked at once; beyond it the oldest are forgotten, so memory stays bounded.</summary>
    public int MaxTrackedKeys { get; set; } = 10_000;
}
