namespace WebOps.Addons.Process.Launch;

/// <summary>How an app without Docker runs.</summary>
public enum LaunchKind
{
    /// <summary>A supervised program (gunicorn for Django).</summary>
    Process,

    /// <summary>A static site served by the panel itself.</summary>
    Static,
}
