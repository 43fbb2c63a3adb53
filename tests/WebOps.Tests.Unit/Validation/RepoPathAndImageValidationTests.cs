namespace WebOps.Tests.Unit.Validation;

public class RepoPathAndImageValidationTests
{
    [Theory]
    [InlineData("", "is empty")]
    [InlineData("/etc/passwd", "is an absolute path")]
    [InlineData("../Dockerfile", "contains a '..' segment")]
    [InlineData("docker/../../Dockerfile", "contains a '..' segment")]
    [InlineData("docker\\Dockerfile", "contains '\\'")]
    [InlineData("Docker\0file", "contains control character U+0000")]
    [InlineData("docker/", "names a folder, not a file")]
    public void Dockerfile_path_outside_or_malformed_is_rejected(string path, string fragment)
    {
        var errors = Inputs.Create(i => i.DockerfilePath = path);

        Inputs.AssertOnly(errors, "dockerfile_path", fragment);
    }

    [Theory]
    [InlineData("../compose.yml", "contains a '..' segment")]
    [InlineData("/srv/compose.yml", "is an absolute path")]
    public void Compose_path_follows_the_same_rules(string path, string fragment)
    {
        var errors = Inputs.Create(i => i.DockerComposePath = path);

        Inputs.AssertOnly(errors, "docker_compose_path", fragment);
    }

    [Fact]
    public void Dockerfile_path_over_the_limit_states_the_limit()
    {
        var errors = Inputs.Create(i => i.DockerfilePath = new string('d', 256));

        Inputs.AssertOnly(errors, "dockerfile_path", "is 256 characters long; the limit is 255");
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("MyApp", "must be lowercase; use 'myapp' instead")]
    [InlineData("registry.example.com/Team/App:v1", "use 'registry.example.com/team/app:v1' instead")]
    [InlineData("app:", "tag ''")]
    [InlineData("app:-bad", "tag '-bad'")]
    [InlineData("app@sha256:abcd", "digest")]
    [InlineData("my app", "contains a space")]
    [InlineData("team//app", "empty path component")]
    [InlineData("-app", "path component '-app'")]
    [InlineData("app_", "path component 'app_'")]
    [InlineData("reg_istry.example.com/app", "registry 'reg_istry.example.com'")]
    [InlineData(":latest", "has no repository name")]
    public void Invalid_docker_image_name_is_rejected(string image, string fragment)
    {
        var errors = Inputs.Create(i => i.DockerImageName = image);

        Inputs.AssertOnly(errors, "docker_image_name", fragment);
    }

    [Fact]
    public void Image_tag_longer_than_128_is_rejected()
    {
        var errors = Inputs.Create(i => i.DockerImageName = "app:" + new string('t', 129));

        Inputs.AssertOnly(errors, "docker_image_name", "1 to 128 letters");
    }

    [Theory]
    [InlineData("Dockerfile", "app")]
    [InlineData("docker/Dockerfile.prod", "myorg/app:1.0")]
    [InlineData("./Dockerfile", "registry.example.com:5000/team/app:latest")]
    [InlineData("build/Dockerfile", "localhost:5000/app")]
    [InlineData("Dockerfile", "my_app__x/a-b--c.d:V1_2.3-rc")]
    public void Valid_paths_and_image_names_pass(string dockerfile, string image)
    {
        Assert.Empty(Inputs.Create(i =>
        {
            i.DockerfilePath = dockerfile;
            i.DockerImageName = image;
        }));
    }
}
