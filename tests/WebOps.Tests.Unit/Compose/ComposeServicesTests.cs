using WebOps.Core.Compose;

namespace WebOps.Tests.Unit.Compose;

public class ComposeServicesTests
{
    private static IReadOnlyList<ComposeService> Services(string text) => ComposeDocument.Parse(text, "compose.yaml").Services();

    [Fact]
    public void Ports_and_expose_give_container_ports_in_every_syntax()
    {
        var services = Services("services:\n  db:\n    image: x\n  web:\n    build: .\n    ports: [\"127.0.0.1:8080:80/tcp\", {target: 81}]\n    expose: [\"8000\", 9000]\n");

        Assert.Equal(
            [new ComposeService("db", [], false), new ComposeService("web", [80, 81, 8000, 9000], true)],
            services,
            (a, b) => a.Name == b.Name && a.Builds == b.Builds && a.ContainerPorts.SequenceEqual(b.ContainerPorts));
    }

    [Fact]
    public void The_public_service_is_the_first_with_a_port_unless_named()
    {
        var services = Services("services:\n  worker:\n    image: x\n  web:\n    image: x\n    expose: [\"8080\"]\n  api:\n    image: x\n    expose: [\"9000\"]\n");

        Assert.Equal(new PublicService("web", 8080), PublicService.Choose(services, null, 0, "compose.yaml").Service);
        Assert.Equal(new PublicService("api", 9000), PublicService.Choose(services, "api", 0, "compose.yaml").Service);
        Assert.Equal(new PublicService("api", 7000), PublicService.Choose(services, "api", 7000, "compose.yaml").Service);
        Assert.Equal(
            "compose_service 'nope' is not a service of compose.yaml (services: worker, web, api); choose one of them.",
            PublicService.Choose(services, "nope", 0, "compose.yaml").Problem);
        Assert.Equal(
            "compose_service 'worker' in compose.yaml neither publishes nor exposes a port; add 'expose: [PORT]' to it, or set the deployment's port.",
            PublicService.Choose(services, "worker", 0, "compose.yaml").Problem);
    }

    [Fact]
    public void Service_states_decide_the_deployment_health()
    {
        ServiceState[] fine = [new("web", "running", null, "healthy"), new("api", "running", null, null)];
        ServiceState[] broken = [new("web", "running", null, "unhealthy"), new("api", "exited", 3, null)];

        Assert.Null(ServiceState.Unhealthy(fine));
        Assert.Equal(
            "service web is running but its HEALTHCHECK reports it unhealthy; service api exited with code 3",
            ServiceState.Unhealthy(broken));
        Assert.Equal("exited (code 3)", broken[1].Describe());
        Assert.Equal("running, healthy", fine[0].Describe());
        Assert.Equal("service web keeps restarting (last exit code 4)", new ServiceState("web", "restarting", 4, null).Problem());
        Assert.Equal("service web is restarting", new ServiceState("web", "restarting", null, null).Problem());
    }
}
