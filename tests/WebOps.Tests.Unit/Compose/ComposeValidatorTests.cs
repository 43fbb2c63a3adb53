using WebOps.Core.Compose;

namespace WebOps.Tests.Unit.Compose;

public class ComposeValidatorTests
{
    private const string Root = "/srv/repo";

    private static IReadOnlyList<string> Validate(string services, ComposePolicy? policy = null) =>
        ComposeValidator.Validate(ComposeDocument.Parse("services:\n" + services, "compose.yaml"), policy ?? new ComposePolicy(), Root, Root);

    [Fact]
    public void A_plain_two_service_file_passes()
    {
        Assert.Empty(Validate("  web:\n    build: .\n    expose: [\"80\"]\n    volumes: [\"data:/data\", \"./static:/srv\"]\n  api:\n    image: x\n"));
    }

    [Fact]
    public void Privileged_is_refused_naming_service_and_key()
    {
        Assert.Equal(
            ["services.web.privileged: true is not allowed (it gives the container the whole host); remove it, or set Docker:AllowComposePrivileged=true."],
            Validate("  web:\n    image: x\n    privileged: true\n"));
    }

    [Fact]
    public void Host_pid_and_host_network_are_refused()
    {
        Assert.Equal(
            [
                "services.web.pid: host is not allowed (the container would share the host's processes); remove it, or set Docker:AllowComposeHostNamespaces=true.",
                "services.web.network_mode: host is not allowed (the container would share the host's network); remove it, or set Docker:AllowComposeHostNamespaces=true.",
            ],
            Validate("  web:\n    image: x\n    pid: host\n    network_mode: host\n"));
    }

    [Fact]
    public void Cap_add_all_and_sys_admin_are_refused_other_capabilities_pass()
    {
        Assert.Equal(
            [
                "services.web.cap_add[0]: 'ALL' is not allowed (it gives the container control of the host); remove it, or set Docker:AllowComposeCapabilities=true.",
                "services.web.cap_add[2]: 'CAP_SYS_ADMIN' is not allowed (it gives the container control of the host); remove it, or set Docker:AllowComposeCapabilities=true.",
            ],
            Validate("  web:\n    image: x\n    cap_add: [ALL, NET_ADMIN, CAP_SYS_ADMIN]\n"));
    }

    [Fact]
    public void Devices_are_refused()
    {
        Assert.Equal(
            ["services.db.devices: host devices are not allowed; remove them, or set Docker:AllowComposeDevices=true."],
            Validate("  db:\n    image: x\n    devices: [\"/dev/sda:/dev/sda\"]\n"));
    }

    [Fact]
    public void Own_host_ports_are_refused_in_short_and_long_syntax()
    {
        Assert.Equal(
            [
                "services.web.ports[0]: publishing '8080:80' on the host is not allowed; use 'expose' and set compose_service (the panel publishes it on loopback and routes domains to it), or set Docker:AllowComposePorts=true.",
                "services.web.ports[1]: publishing 'target 81, published random' on the host is not allowed; use 'expose' and set compose_service (the panel publishes it on loopback and routes domains to it), or set Docker:AllowComposePorts=true.",
            ],
            Validate("  web:\n    image: x\n    ports:\n      - \"8080:80\"\n      - target: 81\n"));
    }

    [Fact]
    public void Bind_mounts_of_denied_host_paths_are_refused()
    {
        Assert.Equal(
            [
                "services.web.volumes[0]: host path '/' is not allowed; mount a folder under /srv or /var/lib instead.",
                "services.web.volumes[1]: host path '/etc/ssl' is not allowed (it is under /etc); mount a folder under /srv or /var/lib instead.",
                "services.web.volumes[2]: host path '/var/run/docker.sock' is not allowed; mount a folder under /srv or /var/lib instead.",
                "services.web.volumes[3]: host path '/srv/secret' is not allowed (denied by Docker:DeniedHostPaths); mount a folder under /srv or /var/lib instead.",
            ],
            Validate(
                "  web:\n    image: x\n    volumes:\n      - /:/host\n      - /etc/ssl:/ssl:ro\n      - type: bind\n        source: /var/run/docker.sock\n        target: /s\n      - /srv/secret:/s\n",
                new ComposePolicy { DeniedHostPaths = ["/srv/secret"] }));
    }

    [Fact]
    public void Relative_bind_mounts_and_build_contexts_must_stay_in_the_repository()
    {
        Assert.Equal(
            [
                "services.web.volumes[0]: host path '../other' is outside the repository; use a folder inside the repository or a named volume.",
                "services.web.volumes[1]: host path '~/.ssh' is not allowed (the panel's home folder); use a folder inside the repository or a named volume.",
                "services.web.build: context '../../' must be a folder inside the repository, such as . or ./web.",
            ],
            Validate("  web:\n    build: ../../\n    volumes: [\"../other:/x\", \"~/.ssh:/k\"]\n"));
    }

    [Fact]
    public void A_refused_key_hidden_in_a_yaml_anchor_is_still_found()
    {
        var document = ComposeDocument.Parse(
            "x-base: &base\n  privileged: true\nservices:\n  web:\n    <<: *base\n    image: x\n", "compose.yaml");

        Assert.Equal(
            ["services.web.privileged: true is not allowed (it gives the container the whole host); remove it, or set Docker:AllowComposePrivileged=true."],
            ComposeValidator.Validate(document, new ComposePolicy(), Root, Root));
    }

    [Fact]
    public void Admin_settings_allow_each_refused_key()
    {
        var policy = new ComposePolicy { AllowPrivileged = true, AllowHostNamespaces = true, AllowCapabilities = true, AllowDevices = true, AllowPorts = true };

        Assert.Empty(Validate("  web:\n    image: x\n    privileged: true\n    pid: host\n    network_mode: host\n    cap_add: [ALL]\n    devices: [/dev/x]\n    ports: [\"80:80\"]\n", policy));
    }

    [Fact]
    public void Unparsable_and_serviceless_files_are_refused_with_the_file_name()
    {
        var bad = Assert.Throws<ComposeFileException>(() => ComposeDocument.Parse("services: [\n", "deploy/compose.yml"));
        var none = Assert.Throws<ComposeFileException>(() => ComposeDocument.Parse("version: '3'\n", "compose.yaml"));

        Assert.StartsWith("compose file 'deploy/compose.yml' is not valid YAML at line ", bad.Message, StringComparison.Ordinal);
        Assert.Equal("compose file 'compose.yaml' has no services: add a 'services' mapping with at least one service.", none.Message);
    }
}
