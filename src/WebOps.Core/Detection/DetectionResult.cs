using WebOps.Core.Deployments;

namespace WebOps.Core.Detection;

/// <summary>
/// What detection found in a checkout. Printed by <c>webops detect PATH --json</c> as
/// {"type", "app_dir", "wsgi_module", "dockerfile_path", "reason"}.
/// </summary>
public sealed record DetectionResult
{
    /// <summary>The project type. <see cref="ProjectType.Auto"/> appears only together with
    /// <see cref="DockerfilePath"/>: a repo with a Dockerfile whose code is neither Django, a static site nor a
    /// vLLM setup is built from its Dockerfile as it is.</summary>
    public required ProjectType Type { get; init; }

    /// <summary>Folder (relative to the repo root, "." for the root) holding the app: manage.py's folder for
    /// Django, the site root for static sites.</summary>
    public string AppDir { get; init; } = ".";

    /// <summary>Django only, e.g. <c>mysite.wsgi</c>.</summary>
    public string? WsgiModule { get; init; }

    /// <summary>Relative path of an existing Dockerfile to build, when there is one.</summary>
    public string? DockerfilePath { get; init; }

    /// <summary>Whether the repo brings its own Dockerfile (then it is built instead of a generated one).</summary>
    public bool HasDockerfile => DockerfilePath != null;

    /// <summary>Why detection decided this, for the log.</summary>
    public required string Reason { get; init; }

    /// <summary>Dependency files found (relative paths), e.g. requirements.txt, for Dockerfile generation.</summary>
    public IReadOnlyList<string> DependencyFiles { get; init; } = [];

    /// <summary>Django: whether STATICFILES (django.contrib.staticfiles with STATIC_ROOT) is configured.</summary>
    public bool CollectStatic { get; init; }

    /// <summary>Django: whether the settings set up a database (any DATABASES but Django's default, <c>{}</c>), so
    /// <c>manage.py migrate</c> applies. True when the settings could not be read.</summary>
    public bool HasDatabase { get; init; }

    /// <summary>Django: whether dependencies need system build packages (e.g. psycopg2 from source, mysqlclient).</summary>
    public bool NeedsBuildPackages { get; init; }

    /// <summary>Compose: the compose file, relative to the checkout.</summary>
    public string? ComposeFilePath { get; init; }

    /// <summary>Compose: the services of the file, in file order.</summary>
    public IReadOnlyList<Compose.ComposeService> ComposeServices { get; init; } = [];

    /// <summary>Compose: the service the edge routes to (compose_service, else the first with a port).</summary>
    public string? PublicService { get; init; }
}
