namespace WebOps.Core.Dockerfiles;

/// <summary>
/// The generated .dockerignore: what never belongs in an image built from a checkout. Dockerfiles stay in the
/// context because the build needs them. Django's collected static folder is not excluded: its name is only
/// a convention (STATIC_ROOT decides), collectstatic rewrites it in the image anyway, and some projects
/// commit collected files on purpose.
/// </summary>
internal static class Dockerignore
{
    private static readonly string[] Patterns =
    [
        "# Version control and editor or container tooling",
        ".git",
        ".devcontainer",
        "# Local environments and installed packages: the image installs its own",
        "**/.venv",
        "**/venv",
        "**/node_modules",
        "**/__pycache__",
        "**/*.pyc",
        "# Secrets and local data",
        "**/.env",
        "**/*.sqlite3",
    ];

    public static string Write(string header) =>
        header + "\n" + string.Join("", Patterns.Select(p => p + "\n"));
}
