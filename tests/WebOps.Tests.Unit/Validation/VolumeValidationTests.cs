using WebOps.Core.Validation;

namespace WebOps.Tests.Unit.Validation;

public class VolumeValidationTests
{
    [Theory]
    [InlineData("/etc:/data", "host path '/etc' is not allowed")]
    [InlineData("/etc/:/data", "host path '/etc' is not allowed")]
    [InlineData("//etc:/data", "host path '/etc' is not allowed")]
    [InlineData("/./etc:/data", "host path '/etc' is not allowed")]
    [InlineData("/etc/passwd:/data/passwd", "host path '/etc/passwd' is not allowed (it is under /etc)")]
    [InlineData("/:/host", "host path '/' is not allowed")]
    [InlineData("/var/run/docker.sock:/var/run/docker.sock", "host path '/var/run/docker.sock' is not allowed")]
    [InlineData("/run/docker.sock:/docker.sock", "host path '/run/docker.sock' is not allowed")]
    [InlineData("/run:/host-run", "host path '/run' is not allowed (it contains /run/docker.sock)")]
    [InlineData("/var:/host-var", "host path '/var' is not allowed (it contains /var/run/docker.sock)")]
    [InlineData("/proc/1/root:/x", "(it is under /proc)")]
    [InlineData("/sys/kernel:/x", "(it is under /sys)")]
    [InlineData("/dev/sda:/disk", "(it is under /dev)")]
    [InlineData("/boot:/boot", "host path '/boot' is not allowed")]
    [InlineData("/var/lib/docker/volumes:/v", "(it is under /var/lib/docker)")]
    [InlineData("/srv/../etc:/x", "contains a '..' segment")]
    [InlineData("/srv/app:/", "container path '/' is not allowed")]
    [InlineData("/srv/app://", "container path '/' is not allowed")]
    [InlineData("/srv/app:data", "container path 'data' is not absolute")]
    [InlineData("/srv/app:/data/../etc", "container path '/data/../etc' contains a '..' segment")]
    [InlineData("/srv/app:/data:z", "mode 'z' is not supported; use ro")]
    [InlineData("/srv/app:/data,readonly", "contains ','")]
    [InlineData("/srv/app:/data\n/etc:/x", "contains control character U+000A")]
    [InlineData("/srv/app", "does not have the form host:container")]
    [InlineData("/a:/b:ro:extra", "does not have the form host:container")]
    [InlineData("./data:/data", "host path './data' is not absolute")]
    [InlineData("data/sub:/data", "host path 'data/sub' is not absolute")]
    [InlineData("a:/data", "volume name 'a' is not valid")]
    [InlineData("-vol:/data", "volume name '-vol' is not valid")]
    [InlineData(":/data", "empty host side")]
    [InlineData("", "is empty")]
    public void Dangerous_or_malformed_volume_is_rejected(string volume, string fragment)
    {
        var errors = Inputs.Create(i => i.DockerVolumes = ["/srv/ok:/ok", volume]);

        Inputs.AssertOnly(errors, "docker_volumes[1]", fragment);
    }

    [Fact]
    public void Denied_system_folder_message_says_what_to_mount_instead()
    {
        var errors = Inputs.Create(i => i.DockerVolumes = ["/srv/ok:/ok", "/etc:/data"]);

        Assert.Equal(
            "docker_volumes[1]: host path '/etc' is not allowed; mount a folder under /srv or /var/lib instead",
            Assert.Single(errors).ToString());
    }

    [Theory]
    [InlineData("/home/alice/app:/data", "(it is under /home, denied by Docker:DeniedHostPaths)")]
    [InlineData("/home:/data", "host path '/home' is not allowed (denied by Docker:DeniedHostPaths)")]
    [InlineData("/mnt:/data", "(it contains /mnt/secrets, denied by Docker:DeniedHostPaths)")]
    public void Configured_denied_paths_apply_with_everything_below_and_above(string volume, string fragment)
    {
        var options = new ValidationOptions { DeniedHostPaths = ["/home/", "/mnt/secrets"] };

        var errors = Inputs.Create(i => i.DockerVolumes = [volume], options);

        Inputs.AssertOnly(errors, "docker_volumes[0]", fragment);
    }

    [Fact]
    public void Same_container_path_twice_names_the_first_entry()
    {
        var errors = Inputs.Create(i => i.DockerVolumes = ["/srv/a:/data", "app-logs:/logs", "/srv/b:/data/"]);

        Assert.Equal(
            "docker_volumes[2]: container path '/data' is already used by docker_volumes[0]; mount each container path once",
            Assert.Single(errors).ToString());
    }

    [Fact]
    public void Too_many_volumes_states_the_limit()
    {
        var volumes = Enumerable.Range(0, 51).Select(n => $"/srv/v{n}:/v{n}").ToList();

        var errors = Inputs.Create(i => i.DockerVolumes = volumes);

        Inputs.AssertOnly(errors, "docker_volumes", "has 51 entries; the limit is 50");
    }

    [Fact]
    public void Every_bad_volume_is_reported_not_only_the_first()
    {
        var errors = Inputs.Create(i => i.DockerVolumes = ["/etc:/a", "/srv/x:/b", "/proc:/c", "x"]);

        Assert.Equal(["docker_volumes[0]", "docker_volumes[2]", "docker_volumes[3]"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Named_volumes_and_app_folders_pass()
    {
        Assert.Empty(Inputs.Create(i => i.DockerVolumes =
        [
            "app-data:/data",
            "/srv/app/uploads:/uploads:ro",
            "/var/lib/app:/var/lib/app:rw",
            "/home/alice/site:/site",
            "/etcetera:/x",
        ]));
    }
}
