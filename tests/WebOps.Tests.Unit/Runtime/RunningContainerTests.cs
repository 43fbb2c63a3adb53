using WebOps.Core.Runtime;

namespace WebOps.Tests.Unit.Runtime;

public class RunningContainerTests
{
    [Fact]
    public void A_container_is_described_by_its_short_id_and_image()
    {
        var app = new RunningContainer("webops/blog:deploy-4", "3f2a9c81d0e4b5a6c7d8e9f0");

        Assert.Equal("container 3f2a9c81d0e4 running webops/blog:deploy-4", app.Describe());
        Assert.Equal(" (no published address)", app.Where());
        Assert.Equal(" at http://127.0.0.1:49160/", (app with { Url = "http://127.0.0.1:49160/" }).Where());
    }

    [Fact]
    public void A_swarm_service_is_described_by_its_name_and_tasks_not_as_a_container()
    {
        var app = new RunningContainer("10.0.0.1:5000/webops/shop:deploy-2@sha256:ab", "k3v9x0servic3id") { ServiceName = "webops-shop", Replicas = 2 };

        Assert.Equal("Swarm service webops-shop running 2 task(s) of 10.0.0.1:5000/webops/shop:deploy-2@sha256:ab", app.Describe());
        Assert.Equal(" on the cluster", app.Where());
    }
}
