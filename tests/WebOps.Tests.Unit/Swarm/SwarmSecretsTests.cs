using Docker.DotNet.Models;
using WebOps.Addons.Docker.Swarm.Services;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Swarm;

public class SwarmSecretsTests
{
    private const string Image = "10.0.0.1:5000/webops/blog:deploy-7@sha256:abc";

    private static DeploymentSnapshot Blog() => SwarmServiceSpecTests.Blog() with
    {
        EnvVars = new Dictionary<string, string> { ["DB_PASSWORD"] = "hunter2", ["EMPTY"] = "", ["API_KEY"] = "from-env" },
        DockerEnvVars = new Dictionary<string, string> { ["API_KEY"] = "from-docker" },
    };

    [Fact]
    public void Every_variable_with_a_value_becomes_a_secret_named_after_deployment_key_and_a_hash_of_key_and_value()
    {
        var files = SwarmSecrets.For(Blog());

        Assert.Equal(
            [
                "API_KEY webops-blog-api-key-" + SwarmSecrets.NameOf("blog", "API_KEY", "from-docker")[^12..] + " from-docker /run/secrets/API_KEY API_KEY_FILE",
                "DB_PASSWORD webops-blog-db-password-" + SwarmSecrets.NameOf("blog", "DB_PASSWORD", "hunter2")[^12..] + " hunter2 /run/secrets/DB_PASSWORD DB_PASSWORD_FILE",
            ],
            files.Select(f => $"{f.Key} {f.Name} {f.Value} {f.Path} {f.FileVariable}"));
        Assert.Matches("^webops-blog-db-password-[0-9a-f]{12}$", files[1].Name);
    }

    [Fact]
    public void A_changed_value_is_a_new_secret_and_names_stay_within_swarms_64_characters()
    {
        Assert.NotEqual(SwarmSecrets.NameOf("blog", "TOKEN", "one"), SwarmSecrets.NameOf("blog", "TOKEN", "two"));
        Assert.Equal(SwarmSecrets.NameOf("blog", "TOKEN", "one"), SwarmSecrets.NameOf("blog", "TOKEN", "one"));

        var longKey = new string('K', 80);
        var name = SwarmSecrets.NameOf("a-rather-long-deployment-name", longKey, "v");
        Assert.Equal(64, name.Length);
        Assert.StartsWith("webops-a-rather-long-deployment-name-kkkk", name, StringComparison.Ordinal);
        Assert.NotEqual(name, SwarmSecrets.NameOf("a-rather-long-deployment-name", longKey + "2", "v"));
    }

    [Fact]
    public void The_spec_mounts_each_secret_and_names_its_file_instead_of_holding_the_value()
    {
        var mounts = new[] { new SwarmSecretMount("API_KEY", "webops-blog-api-key-1", "id1"), new SwarmSecretMount("DB_PASSWORD", "webops-blog-db-password-2", "id2") };

        var container = SwarmServiceSpec.For(Blog(), Image, secrets: mounts).TaskTemplate!.ContainerSpec!;

        Assert.Equal(["API_KEY_FILE=/run/secrets/API_KEY", "DB_PASSWORD_FILE=/run/secrets/DB_PASSWORD", "EMPTY="], container.Env);
        Assert.Equal(
            ["id1 webops-blog-api-key-1 API_KEY 0:0 444", "id2 webops-blog-db-password-2 DB_PASSWORD 0:0 444"],
            container.Secrets!.Select(s => $"{s.SecretID} {s.SecretName} {s.File!.Name} {s.File.UID}:{s.File.GID} {Convert.ToString(s.File.Mode, 8)}"));
    }

    [Fact]
    public void A_variable_of_the_deployment_named_KEY_FILE_is_never_replaced_by_the_pointer_to_KEY()
    {
        var blog = Blog() with { EnvVars = new Dictionary<string, string> { ["TOKEN"] = "t", ["TOKEN_FILE"] = "/elsewhere" }, DockerEnvVars = new Dictionary<string, string>() };

        var container = SwarmServiceSpec.For(blog, Image, secrets: [new SwarmSecretMount("TOKEN", "webops-blog-token-1", "id1"), new SwarmSecretMount("TOKEN_FILE", "webops-blog-token-file-2", "id2")]).TaskTemplate!.ContainerSpec!;

        Assert.Equal(["TOKEN_FILE_FILE=/run/secrets/TOKEN_FILE"], container.Env);
    }

    [Fact]
    public void The_wrapper_script_exports_each_secret_file_exactly_keeping_trailing_newlines_then_runs_the_image_command()
    {
        Assert.Equal(
            "API_KEY=\"$(cat /run/secrets/API_KEY && printf x)\" || exit 1; export API_KEY=\"${API_KEY%x}\"\n"
            + "DB_PASSWORD=\"$(cat /run/secrets/DB_PASSWORD && printf x)\" || exit 1; export DB_PASSWORD=\"${DB_PASSWORD%x}\"\n"
            + "exec \"$@\"",
            SwarmSecretEnvScript.Script(["API_KEY", "DB_PASSWORD"]));
    }

    [Fact]
    public void The_wrapper_runs_the_image_entrypoint_and_cmd_after_it_and_is_left_out_when_the_image_has_neither()
    {
        Assert.Equal(
            ["/bin/sh", "-c", SwarmSecretEnvScript.Script(["TOKEN"]), "webops-env", "docker-entrypoint.sh", "gunicorn", "app:wsgi"],
            SwarmSecretEnvScript.Command(["TOKEN"], ["docker-entrypoint.sh"], ["gunicorn", "app:wsgi"]));
        Assert.Equal(["/bin/sh", "-c", SwarmSecretEnvScript.Script(["TOKEN"]), "webops-env", "httpd", "-f"], SwarmSecretEnvScript.Command(["TOKEN"], null, ["httpd", "-f"]));
        Assert.Null(SwarmSecretEnvScript.Command(["TOKEN"], [], null));
    }

    [Fact]
    public void A_key_that_is_not_a_variable_name_never_reaches_the_script()
    {
        var e = Assert.Throws<ArgumentException>(() => SwarmSecretEnvScript.Script(["OK", "X\"; rm -rf /; \""]));
        Assert.StartsWith("'X\"; rm -rf /; \"' is not a variable name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_wrapper_the_spec_runs_it_keeps_the_KEY_FILE_pointers_and_holds_no_value()
    {
        var mounts = new[] { new SwarmSecretMount("API_KEY", "webops-blog-api-key-1", "id1"), new SwarmSecretMount("DB_PASSWORD", "webops-blog-db-password-2", "id2") };
        var command = SwarmSecretEnvScript.Command(mounts.Select(m => m.Key), null, ["httpd", "-f"]);

        var spec = SwarmServiceSpec.For(Blog(), Image, secrets: mounts, command: command);

        var container = spec.TaskTemplate!.ContainerSpec!;
        Assert.Equal(command, container.Command);
        Assert.Null(container.Args);
        Assert.Equal(["API_KEY_FILE=/run/secrets/API_KEY", "DB_PASSWORD_FILE=/run/secrets/DB_PASSWORD", "EMPTY="], container.Env);
        var json = System.Text.Json.JsonSerializer.Serialize(spec);
        Assert.DoesNotContain("hunter2", json, StringComparison.Ordinal);
        Assert.DoesNotContain("from-docker", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_secrets_an_image_lacking_a_shell_gets_its_values_as_plain_environment_and_its_own_command()
    {
        var container = SwarmServiceSpec.For(Blog(), Image).TaskTemplate!.ContainerSpec!;

        Assert.Equal(["API_KEY=from-docker", "DB_PASSWORD=hunter2", "EMPTY="], container.Env);
        Assert.Null(container.Command);
        Assert.Empty(container.Secrets!);
    }

    [Theory]
    [InlineData("10.0.0.1:5000/webops/blog:deploy-7@sha256:abc", "10.0.0.1:5000/webops/blog@sha256:abc")]
    [InlineData("10.0.0.1:5000/webops/blog@sha256:abc", "10.0.0.1:5000/webops/blog@sha256:abc")]
    [InlineData("webops/blog:deploy-7", "webops/blog:deploy-7")]
    public void The_probe_looks_a_pushed_release_up_by_its_digest(string image, string local) =>
        Assert.Equal(local, SwarmImageProbe.Local(image));
}
