namespace WebOps.Tests.Integration.Auth;

/// <summary>Who sends a request in the permission tests: nobody, a logged-in user of each role, or a token of each scope.</summary>
public enum Caller
{
    Anonymous,
    ViewerCookie,
    DeployerCookie,
    AdminCookie,
    ReadToken,
    DeployToken,
    AdminToken,
    ExpiredToken,
}
