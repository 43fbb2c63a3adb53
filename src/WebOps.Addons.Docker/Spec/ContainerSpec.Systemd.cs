using WebOps.Core.Systemd;

namespace WebOps.Addons.Docker.Spec;

public sealed partial record ContainerSpec
{
    /// <summary>
    /// The systemd unit model for this spec: the same <c>docker run</c> arguments the unit template wraps, less
    /// the <c>--name</c> and <c>--rm</c> the template writes itself. One spec, so the unit and the Engine API
    /// container can never drift apart.
    /// </summary>
    public DockerUnitModel ToSystemdUnitModel(string deploymentName)
    {
        var args = ToDockerRunArgs(forSystemd: true).ToList();
        args.RemoveRange(0, 2); // --name <Name>
        args.Remove("--rm");
        return new DockerUnitModel { Name = deploymentName, RunArguments = args };
    }
}
