using WebOps.Core.Validation;

namespace WebOps.Tests.Unit.Validation;

public class SwarmFieldValidationTests
{
    [Theory]
    [InlineData("node.labels.region==eu")]
    [InlineData("node.hostname!=web-2")]
    [InlineData("node.role==manager")]
    [InlineData("node.platform.os == linux")]
    [InlineData("engine.labels.disk==ssd")]
    [InlineData("node.id==abc123")]
    public void Placement_constraints_swarm_accepts_pass(string constraint)
    {
        Assert.Empty(Inputs.Create(i => i.Placement = [constraint]));
    }

    [Theory]
    [InlineData("node.labels.region=eu", "placement[0]", "has no == or !=")]
    [InlineData("region==eu", "placement[0]", "has the key 'region'")]
    [InlineData("node.label.region==eu", "placement[0]", "has the key 'node.label.region'")]
    [InlineData("node.hostname==", "placement[0]", "has the value ''")]
    [InlineData("node.hostname==a b", "placement[0]", "give one value without spaces")]
    [InlineData("node.hostname==a==b", "placement[0]", "give one value without spaces")]
    public void Placement_constraint_with_bad_grammar_names_the_part(string constraint, string field, string fragment)
    {
        Inputs.AssertOnly(Inputs.Create(i => i.Placement = [constraint]), field, fragment);
    }

    [Fact]
    public void Each_bad_constraint_is_reported_at_its_index()
    {
        var errors = Inputs.Create(i => i.Placement = ["node.role==worker", "x", "node.hostname!=y"]);

        Inputs.AssertOnly(errors, "placement[1]", "has no == or !=");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-3)]
    public void Replicas_outside_1_to_100_are_refused(int replicas)
    {
        Inputs.AssertOnly(Inputs.Create(i => i.Replicas = replicas), "replicas", "use 1 to 100 tasks");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void Replicas_from_1_to_100_pass(int replicas)
    {
        Assert.Empty(Inputs.Create(i => i.Replicas = replicas));
    }

    [Theory]
    [InlineData("cluster", "use one of: local, swarm")]
    [InlineData("Swarm", "must be lowercase; use 'swarm' instead")]
    public void Unknown_target_lists_the_allowed_values(string target, string fragment)
    {
        Inputs.AssertOnly(Inputs.Create(i => i.Target = target), "target", fragment);
    }
}
