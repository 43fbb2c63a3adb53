namespace WebOps.Auth;

public static class AuthSchemes
{
    public const string Bearer = "Bearer";

    /// <summary>Picks bearer when an Authorization header is sent, the login cookie otherwise.</summary>
    public const string Smart = "CookieOrBearer";
}
