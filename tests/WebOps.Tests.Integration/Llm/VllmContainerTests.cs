using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Llm;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Llm;
using WebOps.Tests.Integration.Docker;

namespace WebOps.Tests.Integration.Llm;

/// <summary>
/// The vLLM container as the real engine records it. Created only, never started: starting needs the NVIDIA runtime.
/// A local image stands in for the vLLM image (no registry is reachable).
/// </summary>
public sealed class VllmContainerTests
{
    [DockerFact]
    public async Task Engine_records_gpus_ipc_cache_env_and_command_as_the_settings_say()
    {
        await using var kit = new DockerTestKit();
        using var engine = new DockerEngine(Options.Create(new DockerOptions { Endpoint = DockerAvailability.Endpoint }), NullLogger<DockerEngine>.Instance);
        var image = $"webops-test/vllm-openai:fake-{kit.Name}";
        var cache = $"webops-test-hf-{kit.Name}";
        await engine.TagImageAsync(TestImages.Busybox, image, default);
        try
        {
            var settings = new LlmSettings
            {
                Model = "Qwen/Qwen2.5-0.5B-Instruct",
                ServedModelName = "qwen",
                GpuMemoryUtilization = 0.8,
                MaxModelLen = 2048,
                Gpus = GpuSelection.OfDevices(["0", "1"]),
                TensorParallelSize = 2,
                CacheVolume = cache,
                HfToken = "hf_test_token",
            };
            var deployment = kit.Snapshot(port: 8000) with { ProjectType = ProjectType.Llm };
            var spec = VllmSpec.For(deployment, settings, image, deployment.HostPort, "127.0.0.1", 3);

            var id = await engine.CreateContainerAsync(spec.ToCreateParameters(), default);
            var inspect = await kit.InspectAsync(id);

            Assert.Equal("created", inspect.State!.Status);
            Assert.Equal(image, inspect.Config!.Image);
            Assert.Equal(
                ["--model", "Qwen/Qwen2.5-0.5B-Instruct", "--served-model-name", "qwen", "--gpu-memory-utilization", "0.8", "--port", "8000", "--host", "0.0.0.0", "--max-model-len", "2048", "--tensor-parallel-size", "2"],
                inspect.Config!.Cmd);
            var gpu = Assert.Single(inspect.HostConfig!.DeviceRequests);
            Assert.Equal("nvidia", gpu.Driver);
            Assert.Equal(["0", "1"], gpu.DeviceIDs);
            Assert.Equal([["gpu"]], gpu.Capabilities);
            Assert.Equal("host", inspect.HostConfig!.IpcMode);
            var mount = Assert.Single(inspect.Mounts);
            Assert.Equal(("volume", cache, "/root/.cache/huggingface"), (mount.Type, mount.Name, mount.Destination));
            Assert.Contains("HF_TOKEN=hf_test_token", inspect.Config!.Env);
            Assert.Contains("HUGGING_FACE_HUB_TOKEN=hf_test_token", inspect.Config!.Env);
            Assert.Equal(kit.Name, inspect.Config!.Labels![Labels.Deployment]);
            Assert.Equal(RestartPolicyKind.UnlessStopped, inspect.HostConfig!.RestartPolicy!.Name);
            var binding = Assert.Single(inspect.HostConfig!.PortBindings!["8000/tcp"]);
            Assert.Equal(("127.0.0.1", deployment.HostPort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), (binding.HostIP, binding.HostPort));
        }
        finally
        {
            // The container first (it holds the volume), then the volume and the stand-in tag; the kit removes
            // labelled containers again on dispose, in case this did not get that far.
            foreach (var container in await kit.LabelledContainersAsync())
            {
                await kit.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
            }

            await RemoveVolumeAsync(kit, cache);
            await engine.RemoveImageAsync(image, force: false, default);
        }
    }

    [DockerFact]
    public async Task Engine_records_a_gpu_count_of_all_as_minus_one()
    {
        await using var kit = new DockerTestKit();
        using var engine = new DockerEngine(Options.Create(new DockerOptions { Endpoint = DockerAvailability.Endpoint }), NullLogger<DockerEngine>.Instance);
        var cache = $"webops-test-hf-{kit.Name}";
        try
        {
            var deployment = kit.Snapshot(port: 8000) with { ProjectType = ProjectType.Llm };
            var spec = VllmSpec.For(deployment, new LlmSettings { Model = "gpt2", CacheVolume = cache }, TestImages.Busybox, deployment.HostPort, "127.0.0.1", 1);

            var inspect = await kit.InspectAsync(await engine.CreateContainerAsync(spec.ToCreateParameters(), default));

            var gpu = Assert.Single(inspect.HostConfig!.DeviceRequests);
            Assert.Equal(-1, gpu.Count);
            Assert.Equal("nvidia", gpu.Driver);
        }
        finally
        {
            foreach (var container in await kit.LabelledContainersAsync())
            {
                await kit.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
            }

            await RemoveVolumeAsync(kit, cache);
        }
    }

    [DockerFact]
    public async Task A_leftover_previous_container_without_a_current_one_is_restored_and_runs_again()
    {
        await using var kit = new DockerTestKit();
        using var engine = new DockerEngine(Options.Create(new DockerOptions { Endpoint = DockerAvailability.Endpoint }), NullLogger<DockerEngine>.Instance);
        var cache = $"webops-test-hf-{kit.Name}";
        var name = $"webops-{kit.Name}";
        try
        {
            // What a deploy killed between setting the old server aside and starting the new one leaves behind.
            var leftover = await kit.Client.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Name = $"{name}.previous",
                Image = TestImages.Busybox,
                Labels = new Dictionary<string, string> { [Labels.Deployment] = kit.Name, [Labels.Managed] = "true" },
            });
            var deployment = kit.Snapshot(port: 8000) with { ProjectType = ProjectType.Llm };
            var spec = VllmSpec.For(deployment, new LlmSettings { Model = "gpt2", CacheVolume = cache }, TestImages.Busybox, deployment.HostPort, "127.0.0.1", 2);
            var log = new ListLog();

            // This engine has no NVIDIA runtime, so the new server cannot start and the swap rolls back.
            var (started, failure) = await new VllmContainer(engine).RunAsync(
                kit.PostDeploymentContext(deployment, log), spec, "gpt2", TimeSpan.FromSeconds(30), default);

            Assert.Null(started);
            Assert.StartsWith($"Container {name} could not be started: ", failure, StringComparison.Ordinal);
            Assert.Contains(log.Lines, l => l.Message == $"Found {name}.previous from an interrupted deploy and named it {name} again.");
            Assert.Contains(log.Lines, l => l.Message == $"Rolled back: the previous container {name} runs again.");
            var restored = await kit.InspectAsync(name);
            Assert.Equal(leftover.ID, restored.ID);
            Assert.True(restored.State!.Running);
            Assert.Equal([$"/{name}"], (await kit.LabelledContainersAsync()).SelectMany(c => c.Names));
        }
        finally
        {
            foreach (var container in await kit.LabelledContainersAsync())
            {
                await kit.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
            }

            await RemoveVolumeAsync(kit, cache);
        }
    }

    private static async Task RemoveVolumeAsync(DockerTestKit kit, string volume)
    {
        try
        {
            await kit.Client.Volumes.RemoveAsync(volume, force: true);
        }
        catch (global::Docker.DotNet.DockerApiException)
        {
            // Never created (the create failed before it).
        }
    }
}
