using System.Text;
using WebOps.Core.Detection;

namespace WebOps.Core.Dockerfiles;

/// <summary>
/// The Dockerfile for a static site: the site folder copied into nginx's web root. nginx serves on port 80
/// whatever port the deployment names, so the image always exposes 80; <see cref="DockerfileOptions.Port"/>
/// is not used here (the container spec maps the host port to 80).
/// </summary>
internal static class StaticDockerfile
{
    public static string Write(DetectionResult detection, DockerfileOptions options, string header)
    {
        var image = DockerfileInputs.Image(options.StaticBaseImage, nameof(DockerfileOptions.StaticBaseImage));
        var appDir = DockerfileInputs.RelativePath(detection.AppDir, "site folder");
        var source = appDir == "." ? "." : $"{appDir}/";

        var text = new StringBuilder();
        text.Append(header).Append('\n');
        text.Append("FROM ").Append(image).Append('\n');
        if (appDir == ".")
        {
            text.Append("# The whole repository is the site; .dockerignore keeps .git, secrets and local files out.\n");
        }

        text.Append("COPY ").Append(source).Append(" /usr/share/nginx/html/\n");
        text.Append("# nginx serves static sites on port 80.\n");
        text.Append("EXPOSE 80\n");
        return text.ToString();
    }
}
