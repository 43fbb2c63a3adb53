using WebOps.Addons.Docker.Llm;

namespace WebOps.Tests.Unit.Llm;

public sealed class GpuRuntimeTests
{
    [Fact]
    public void Engine_with_only_runc_gets_the_install_toolkit_message()
    {
        Assert.Equal(
            "No GPU runtime on this Docker host: the engine lists runtimes [runc]; install the NVIDIA Container Toolkit and restart Docker, then redeploy.",
            GpuRuntime.Problem(["runc"], "runc"));
    }

    [Fact]
    public void Runtimes_are_listed_in_order()
    {
        Assert.Equal(
            "No GPU runtime on this Docker host: the engine lists runtimes [io.containerd.runc.v2, runc]; install the NVIDIA Container Toolkit and restart Docker, then redeploy.",
            GpuRuntime.Problem(["runc", "io.containerd.runc.v2"], "runc"));
    }

    [Fact]
    public void Nvidia_listed_or_default_is_enough()
    {
        Assert.Null(GpuRuntime.Problem(["runc", "nvidia"], "runc"));
        Assert.Null(GpuRuntime.Problem(["runc"], "nvidia"));
    }
}
