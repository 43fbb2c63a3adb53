using Docker.DotNet.Models;

namespace WebOps.Addons.Docker.Spec;

public sealed partial record ContainerSpec
{
    /// <summary>The Engine API form of this spec.</summary>
    public CreateContainerParameters ToCreateParameters()
    {
        var bindings = new Dictionary<string, IList<PortBinding>>();
        foreach (var port in Ports)
        {
            if (!bindings.TryGetValue(port.ContainerKey, out var list))
            {
                list = [];
                bindings[port.ContainerKey] = list;
            }

            list.Add(new PortBinding { HostIP = port.HostIp ?? "", HostPort = port.HostPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" });
        }

        var create = new CreateContainerParameters
        {
            Name = Name,
            Image = Image,
            Labels = Labels.ToDictionary(pair => pair.Key, pair => pair.Value),
            Env = [.. Env],
            ExposedPorts = bindings.Keys.ToDictionary(key => key, _ => default(EmptyStruct)),
            HostConfig = new HostConfig
            {
                Binds = [.. Binds],
                PortBindings = bindings,
                NetworkMode = NetworkMode,
                RestartPolicy = RestartPolicyText.ToEngine(RestartPolicy),
                Init = Init,
            },
        };
        ResourceProjection.Apply(create, Resources, HealthUrl);
        return create;
    }

    /// <summary>
    /// The <c>docker run</c> arguments (without <c>docker run</c>). For a systemd unit the unit restarts the app, so
    /// <c>--restart</c> is dropped and <c>--rm</c> added (each start makes a fresh container).
    /// </summary>
    public IReadOnlyList<string> ToDockerRunArgs(bool forSystemd = false)
    {
        var args = RunArgs.Start(Name, Labels, Env, Binds);

        foreach (var port in Ports)
        {
            args.AddRange(["-p", port.ToRunArgument()]);
        }

        args.AddRange(["--network", NetworkMode]);
        args.AddRange(forSystemd ? ["--rm"] : ["--restart", RestartPolicy]);
        if (Init)
        {
            args.Add("--init");
        }

        args.AddRange(ResourceProjection.RunArgs(Resources, HealthUrl));

        args.Add(Image);
        return args;
    }
}
