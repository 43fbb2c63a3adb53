using System.Globalization;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Spec;

namespace WebOps.Addons.Docker.Llm;

public sealed partial record VllmSpec
{
    /// <summary>The Engine API form of this spec.</summary>
    public CreateContainerParameters ToCreateParameters()
    {
        var create = new CreateContainerParameters
        {
            Name = Name,
            Image = Image,
            Cmd = [.. Command],
            Labels = Labels.ToDictionary(pair => pair.Key, pair => pair.Value),
            Env = [.. Env],
            ExposedPorts = new Dictionary<string, EmptyStruct> { [Port.ContainerKey] = default },
            HostConfig = new HostConfig
            {
                Binds = [.. Binds],
                PortBindings = new Dictionary<string, IList<PortBinding>>
                {
                    [Port.ContainerKey] = [new PortBinding { HostIP = Port.HostIp ?? "", HostPort = Port.HostPort?.ToString(CultureInfo.InvariantCulture) ?? "" }],
                },
                NetworkMode = "bridge",
                RestartPolicy = RestartPolicyText.ToEngine(RestartPolicy),
                Init = true,
                IpcMode = IpcHost,
                DeviceRequests = [DeviceRequest()],
            },
        };
        ResourceProjection.Apply(create, Resources, HealthUrl);
        return create;
    }

    /// <summary>The <c>docker run</c> arguments (without <c>docker run</c>).</summary>
    public IReadOnlyList<string> ToDockerRunArgs()
    {
        var args = RunArgs.Start(Name, Labels, Env, Binds);

        args.AddRange(["-p", Port.ToRunArgument(), "--network", "bridge", "--restart", RestartPolicy, "--init", "--ipc", IpcHost]);
        args.AddRange(["--gpus", GpusArgument()]);
        args.AddRange(ResourceProjection.RunArgs(Resources, HealthUrl));
        args.Add(Image);
        args.AddRange(Command);
        return args;
    }

    /// <summary>The engine's form of <c>--gpus</c>: Count -1 means all GPUs.</summary>
    private DeviceRequest DeviceRequest() => new()
    {
        Driver = GpuDriver,
        Count = Gpus.DeviceIds.Count > 0 ? 0 : Gpus.Count ?? -1,
        DeviceIDs = [.. Gpus.DeviceIds],
        Capabilities = [["gpu"]],
    };

    /// <summary>
    /// <c>--gpus</c> reads its value as CSV, so a device list carries its own double quotes (<c>"device=0,1"</c>);
    /// without them the comma would split it.
    /// </summary>
    private string GpusArgument() =>
        Gpus.DeviceIds.Count > 0 ? $"\"{Gpus}\"" : Gpus.ToString();
}
