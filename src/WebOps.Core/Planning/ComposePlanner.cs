using WebOps.Core.Compose;
using WebOps.Core.Deployments;
using WebOps.Core.Detection;

namespace WebOps.Core.Planning;

/// <summary>The plan of a Compose project: the file detection found, its public service and that service's port.</summary>
public static class ComposePlanner
{
    public static BuildPlan Decide(Deployment deployment, DetectionResult detection)
    {
        var file = detection.ComposeFilePath!;
        if (!deployment.UseDocker)
        {
            return new BuildPlan
            {
                Source = ImageSource.None,
                ComposeFilePath = file,
                Port = deployment.PortFor(ProjectType.Compose),
                Problem = $"'{deployment.Name}' is a Compose project ({file}) but use_docker is off; turn use_docker on to deploy it.",
            };
        }

        var (chosen, problem) = PublicService.Choose(detection.ComposeServices, deployment.ComposeService, deployment.Port, file);
        return new BuildPlan
        {
            Source = problem is null ? ImageSource.Compose : ImageSource.None,
            ComposeFilePath = file,
            PublicService = chosen?.Name,
            Port = chosen?.Port ?? deployment.PortFor(ProjectType.Compose),
            Problem = problem,
        };
    }
}
