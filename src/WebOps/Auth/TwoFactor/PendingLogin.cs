namespace WebOps.Auth.TwoFactor;

/// <summary>Who gave the right password and is now asked for the second factor.</summary>
public sealed record PendingLogin(int UserId, string Username);
