namespace WebOps.Auth;

/// <summary>An account change the rules forbid (such as removing the last admin); the message says why and what to do.</summary>
public sealed class AccountRefusedException(string message) : Exception(message);
