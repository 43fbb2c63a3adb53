using WebOps.Addons.Docker.Llm;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Llm;

namespace WebOps.Tests.Unit.Llm;

public sealed class VllmSpecTests
{
    private static readonly DeploymentSnapshot Deployment = new()
    {
        Id = 7,
        Name = "chat",
        RepoUrl = "https://example.com/chat.git",
        Branch = "main",
        ProjectType = ProjectType.Llm,
        Port = 8000,
        HostPort = 49200,
        EnvVars = new Dictionary<string, string> { ["VLLM_LOGGING_LEVEL"] = "INFO", ["A"] = "1" },
        DockerEnvVars = new Dictionary<string, string> { ["A"] = "2" },
        UseDocker = true,
        ImageName = "webops/chat:latest",
        ContainerName = "webops-chat",
    };

    private static readonly LlmSettings Minimal = new() { Model = "Qwen/Qwen2.5-0.5B-Instruct" };

    private static readonly LlmSettings Full = new()
    {
        Model = "TheBloke/Llama-2-7B-AWQ",
        ServedModelName = "llama",
        GpuMemoryUtilization = 0.85,
        Quantization = "awq",
        MaxModelLen = 4096,
        Dtype = "half",
        TensorParallelSize = 2,
        Gpus = GpuSelection.OfDevices(["0", "1"]),
        CacheVolume = "/srv/hf",
        HfToken = "hf_secret",
    };

    [Fact]
    public void Defaults_give_the_short_command_and_all_gpus_in_docker_run_form()
    {
        var spec = VllmSpec.For(Deployment, Minimal, "vllm/vllm-openai:v0.6.6", 49200, "127.0.0.1", 12);

        Assert.Equal(
            [
                "--name", "webops-chat",
                "--label", "webops.deployment=chat", "--label", "webops.deploy_id=12", "--label", "webops.managed=true",
                "-e", "A=2", "-e", "VLLM_LOGGING_LEVEL=INFO",
                "-v", "webops-hf-cache:/root/.cache/huggingface",
                "-p", "127.0.0.1:49200:8000/tcp", "--network", "bridge", "--restart", "unless-stopped", "--init", "--ipc", "host",
                "--gpus", "all",
                "--log-driver", "json-file", "--log-opt", "max-size=10m", "--log-opt", "max-file=3",
                "vllm/vllm-openai:v0.6.6",
                "--model", "Qwen/Qwen2.5-0.5B-Instruct", "--served-model-name", "Qwen/Qwen2.5-0.5B-Instruct",
                "--gpu-memory-utilization", "0.9", "--port", "8000", "--host", "0.0.0.0",
            ],
            spec.ToDockerRunArgs());
    }

    [Fact]
    public void Every_setting_reaches_the_docker_run_form()
    {
        var spec = VllmSpec.For(Deployment, Full, "vllm/vllm-openai:v0.6.6", 49200, "127.0.0.1", null);

        Assert.Equal(
            [
                "--name", "webops-chat",
                "--label", "webops.deployment=chat", "--label", "webops.managed=true",
                "-e", "A=2", "-e", "HF_TOKEN=hf_secret", "-e", "HUGGING_FACE_HUB_TOKEN=hf_secret", "-e", "VLLM_LOGGING_LEVEL=INFO",
                "-v", "/srv/hf:/root/.cache/huggingface",
                "-p", "127.0.0.1:49200:8000/tcp", "--network", "bridge", "--restart", "unless-stopped", "--init", "--ipc", "host",
                "--gpus", "\"device=0,1\"",
                "--log-driver", "json-file", "--log-opt", "max-size=10m", "--log-opt", "max-file=3",
                "vllm/vllm-openai:v0.6.6",
                "--model", "TheBloke/Llama-2-7B-AWQ", "--served-model-name", "llama",
                "--gpu-memory-utilization", "0.85", "--port", "8000", "--host", "0.0.0.0",
                "--quantization", "awq", "--max-model-len", "4096", "--dtype", "half", "--tensor-parallel-size", "2",
            ],
            spec.ToDockerRunArgs());
    }

    [Fact]
    public void Engine_form_asks_for_all_nvidia_gpus_shares_ipc_and_publishes_on_loopback()
    {
        var p = VllmSpec.For(Deployment, Minimal, "vllm/vllm-openai:v0.6.6", 49200, "127.0.0.1", 12).ToCreateParameters();

        Assert.Equal("webops-chat", p.Name);
        Assert.Equal("vllm/vllm-openai:v0.6.6", p.Image);
        Assert.Equal(
            ["--model", "Qwen/Qwen2.5-0.5B-Instruct", "--served-model-name", "Qwen/Qwen2.5-0.5B-Instruct", "--gpu-memory-utilization", "0.9", "--port", "8000", "--host", "0.0.0.0"],
            p.Cmd);
        Assert.Equal(["A=2", "VLLM_LOGGING_LEVEL=INFO"], p.Env);
        Assert.Equal("chat|12|true", string.Join('|', p.Labels["webops.deployment"], p.Labels["webops.deploy_id"], p.Labels["webops.managed"]));
        Assert.Equal(["8000/tcp"], p.ExposedPorts!.Keys);
        var host = p.HostConfig!;
        Assert.Equal(["webops-hf-cache:/root/.cache/huggingface"], host.Binds);
        Assert.Equal("127.0.0.1:49200", string.Join(',', host.PortBindings["8000/tcp"].Select(b => $"{b.HostIP}:{b.HostPort}")));
        Assert.Equal("host", host.IpcMode);
        Assert.Equal("bridge", host.NetworkMode);
        Assert.Equal(global::Docker.DotNet.Models.RestartPolicyKind.UnlessStopped, host.RestartPolicy!.Name);
        var gpu = Assert.Single(host.DeviceRequests);
        Assert.Equal("nvidia|-1||gpu", $"{gpu.Driver}|{gpu.Count}|{string.Join(',', gpu.DeviceIDs)}|{string.Join(';', gpu.Capabilities.Select(c => string.Join(',', c)))}");
    }

    [Fact]
    public void The_specs_restart_policy_is_the_one_both_forms_carry()
    {
        var spec = VllmSpec.For(Deployment, Minimal, "vllm/vllm-openai:v0.6.6", 49200, "127.0.0.1", 12) with { RestartPolicy = "always" };

        var policy = spec.ToCreateParameters().HostConfig!.RestartPolicy!;

        Assert.Equal("Always:0", $"{policy.Name}:{policy.MaximumRetryCount}");
        Assert.Equal(["--network", "bridge", "--restart", "always", "--init"], spec.ToDockerRunArgs().SkipWhile(a => a != "--network").Take(5));
    }

    [Theory]
    [InlineData("3", "nvidia|3||gpu")]
    [InlineData("device=0,2", "nvidia|0|0,2|gpu")]
    public void Engine_form_names_a_gpu_count_or_device_ids(string gpus, string expected)
    {
        Assert.True(GpuSelection.TryParse(gpus, out var selection, out _));
        var p = VllmSpec.For(Deployment, Minimal with { Gpus = selection }, "img:1", 49200, "127.0.0.1", 1).ToCreateParameters();

        var gpu = Assert.Single(p.HostConfig!.DeviceRequests);
        Assert.Equal(expected, $"{gpu.Driver}|{gpu.Count}|{string.Join(',', gpu.DeviceIDs)}|{string.Join(';', gpu.Capabilities.Select(c => string.Join(',', c)))}");
    }

    [Fact]
    public void Engine_form_carries_the_token_and_every_optional_flag()
    {
        var p = VllmSpec.For(Deployment, Full, "vllm/vllm-openai:v0.6.6", 49200, "127.0.0.1", null).ToCreateParameters();

        Assert.Equal(["A=2", "HF_TOKEN=hf_secret", "HUGGING_FACE_HUB_TOKEN=hf_secret", "VLLM_LOGGING_LEVEL=INFO"], p.Env);
        Assert.Equal(
            [
                "--model", "TheBloke/Llama-2-7B-AWQ", "--served-model-name", "llama", "--gpu-memory-utilization", "0.85",
                "--port", "8000", "--host", "0.0.0.0", "--quantization", "awq", "--max-model-len", "4096", "--dtype", "half",
                "--tensor-parallel-size", "2",
            ],
            p.Cmd);
        Assert.Equal(["/srv/hf:/root/.cache/huggingface"], p.HostConfig!.Binds);
    }
}
