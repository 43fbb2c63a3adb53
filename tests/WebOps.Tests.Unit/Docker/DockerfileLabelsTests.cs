using WebOps.Addons.Docker.Build;
using WebOps.Addons.Docker.Engine;

namespace WebOps.Tests.Unit.Docker;

public sealed class DockerfileLabelsTests
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> Run = Labels.ForRun("blog", 12);

    [Fact]
    public void The_labels_of_a_run_become_one_label_line_after_the_last_instruction()
    {
        Assert.Equal(
            "# Added by WebOps: the run's labels in one build step.\nLABEL webops.deployment=blog webops.deploy_id=12 webops.managed=true\n",
            DockerfileLabels.Suffix("FROM nginx\nCOPY public/ /usr/share/nginx/html/\n", Run));
    }

    [Fact]
    public void A_dockerfile_without_a_final_newline_gets_one_first()
    {
        Assert.Equal(
            "\n# Added by WebOps: the run's labels in one build step.\nLABEL webops.deployment=blog webops.deploy_id=12 webops.managed=true\n",
            DockerfileLabels.Suffix("FROM nginx\r\nEXPOSE 80", Run));
    }

    [Theory]
    [InlineData("FROM busybox\nRUN echo a \\\n")]
    [InlineData("FROM busybox\nRUN echo a \\\n\n# a comment inside the continuation\n   \n")]
    [InlineData("# escape=`\nFROM busybox\nRUN echo a `\r\n")]
    public void A_last_instruction_that_continues_would_swallow_the_line_so_none_is_added(string dockerfile)
    {
        Assert.Null(DockerfileLabels.Suffix(dockerfile, Run));
    }

    [Theory]
    [InlineData("webops.deployment", "my blog")]
    [InlineData("webops.deployment", "$HOME")]
    [InlineData("webops.deployment", "it's")]
    [InlineData("a=b", "c")]
    public void A_label_that_would_need_quoting_goes_as_a_build_parameter_instead(string key, string value)
    {
        Assert.Null(DockerfileLabels.Suffix("FROM busybox\n", [new(key, value)]));
    }
}
