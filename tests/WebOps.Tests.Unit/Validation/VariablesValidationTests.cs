namespace WebOps.Tests.Unit.Validation;

public class VariablesValidationTests
{
    [Theory]
    [InlineData("1ABC", "x", "env_vars[1ABC]", "name that is not allowed")]
    [InlineData("A-B", "x", "env_vars[A-B]", "name that is not allowed")]
    [InlineData("A B", "x", "env_vars[A B]", "name that is not allowed")]
    [InlineData("A\nB", "x", "env_vars[A\\u000AB]", "name that is not allowed")]
    [InlineData("", "x", "env_vars[]", "empty name")]
    [InlineData("TOKEN", "abc\0def", "env_vars[TOKEN]", "NUL character")]
    public void Bad_environment_variable_is_reported_under_its_key(string name, string value, string field, string fragment)
    {
        var errors = Inputs.Create(i => i.EnvVars = new() { [name] = value });

        Inputs.AssertOnly(errors, field, fragment);
    }

    [Fact]
    public void Build_args_and_docker_env_vars_follow_the_same_rules()
    {
        var errors = Inputs.Create(i =>
        {
            i.DockerBuildArgs = new() { ["9LIVES"] = "x" };
            i.DockerEnvVars = new() { ["OK"] = "a\0" };
        });

        Assert.Equal(["docker_build_args[9LIVES]", "docker_env_vars[OK]"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Too_many_variables_states_the_limit()
    {
        var vars = Enumerable.Range(0, 101).ToDictionary(n => $"V{n}", _ => "x");

        var errors = Inputs.Create(i => i.EnvVars = vars);

        Inputs.AssertOnly(errors, "env_vars", "has 101 entries; the limit is 100");
    }

    [Fact]
    public void Oversized_name_and_value_state_their_limits()
    {
        var longName = new string('N', 256);
        var errors = Inputs.Create(i => i.DockerEnvVars = new()
        {
            [longName] = "x",
            ["BIG"] = new string('v', 32_769),
        });

        Assert.Equal(2, errors.Count);
        Assert.Equal("docker_env_vars[BIG]", errors[0].Field);
        Assert.Contains("is 32,769 characters long; the limit is 32,768", errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("docker_env_vars[NNNN", errors[1].Field, StringComparison.Ordinal);
        Assert.Contains("is 256 characters long; the limit is 255", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_variables_pass_including_empty_values()
    {
        Assert.Empty(Inputs.Create(i => i.EnvVars = new()
        {
            ["DATABASE_URL"] = "postgres://db/app",
            ["_private"] = "",
            ["MULTI_LINE"] = "a\nb",
        }));
    }
}
