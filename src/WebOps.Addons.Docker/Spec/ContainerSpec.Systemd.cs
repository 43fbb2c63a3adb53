using WebOps.Core.Systemd;

namespace WebOps.Addons.Docker.Spec;

public sealed partial record ContainerSpec
{
    /// <summary>
    /// The systemd unit model for this spec: the same <c>docker run</c> arguments the unit template wraps, less
    /// the <c>--name</c> and <c>--rm</c> the template writes itself, and less the <c>-e</c> variables, which go to
    /// <paramref name="environmentFile"/> (they are secrets; a unit is readable by anyone). One spec, so the unit and
    /// the Engine API container can never drift apart.
    /// </summary>
    public DockerUnitModel ToSystemdUnitModel(string deploymentName, string environmentFile)
    {
        var args = (this with { Env = [] }).ToDockerRunArgs(forSystemd: true).ToList();
        args.RemoveRange(0, 2); // --name <Name>
        args.Remove("--rm");
        return new DockerUnitModel
        {
            Name = deploymentName,
            RunArguments = args,
            EnvironmentFile = environmentFile,
            Environment = [.. Env.Select(SplitVariable)],
        };
    }

    // Env holds KEY=VALUE; names cannot contain '=', so the first one ends the name.
    private static KeyValuePair<string, string> SplitVariable(string variable)
    {
        var eq = variable.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? new(variable, "") : new(variable[..eq], variable[(eq + 1)..]);
    }
}
