namespace WebOps.Tests.Unit.Validation;

public class ChoiceAndPortValidationTests
{
    [Theory]
    [InlineData("Django", "must be lowercase; use 'django' instead")]
    [InlineData("node", "use one of: auto, django, static, llm")]
    [InlineData("", "use one of: auto, django, static, llm")]
    public void Unknown_project_type_lists_the_allowed_values(string type, string fragment)
    {
        var errors = Inputs.Create(i => i.ProjectType = type);

        Inputs.AssertOnly(errors, "project_type", fragment);
    }

    [Theory]
    [InlineData("container:other", "use one of: bridge, host, none")]
    [InlineData("Host", "must be lowercase; use 'host' instead")]
    public void Unknown_network_mode_lists_the_allowed_values(string mode, string fragment)
    {
        var errors = Inputs.Create(i => i.DockerNetworkMode = mode);

        Inputs.AssertOnly(errors, "docker_network_mode", fragment);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    [InlineData(int.MaxValue)]
    public void Port_outside_1_to_65535_is_rejected(int port)
    {
        var errors = Inputs.Create(i => i.Port = port);

        Inputs.AssertOnly(errors, "port", "use 1 to 65535");
    }

    [Theory]
    [InlineData("auto", "bridge", 1)]
    [InlineData("llm", "host", 65535)]
    [InlineData("static", "none", 80)]
    public void Allowed_choices_and_ports_pass(string type, string mode, int port)
    {
        Assert.Empty(Inputs.Create(i =>
        {
            i.ProjectType = type;
            i.DockerNetworkMode = mode;
            i.Port = port;
        }));
    }
}
