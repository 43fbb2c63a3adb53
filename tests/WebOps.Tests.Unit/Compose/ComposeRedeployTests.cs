using WebOps.Addons.Docker.Compose;
using WebOps.Core.Compose;

namespace WebOps.Tests.Unit.Compose;

public class ComposeRedeployTests
{
    private const string Fine = "services:\n  web:\n    build: .\n    expose: [\"8080\"]\n    volumes: [\"data:/data\"]\n  db:\n    image: x\nvolumes:\n  data: {}\n";

    private static string? Reason(string text, bool routed = true, bool publicRunning = true) =>
        ComposeRedeploy.StopFirstReason(ComposeDocument.Parse(text, "compose.yaml"), "webops-blog", "web", routed, publicRunning);

    [Fact]
    public void A_routed_running_project_without_fixed_names_or_ports_is_redeployed_beside_itself()
    {
        Assert.Null(Reason(Fine));
        Assert.Null(Reason("version: \"3.8\"\n" + Fine));
        Assert.Null(Reason("version: \"2.4\"\n" + Fine));
        // A version that cannot name volumes is fine while the file has none to name.
        Assert.Null(Reason("version: \"3\"\nservices:\n  web:\n    image: x\n    expose: [\"8080\"]\n"));
    }

    [Fact]
    public void Each_obstacle_gives_one_line_saying_why_the_redeploy_stops_first()
    {
        const string Tail = "; Compose recreates the changed services in place, so the public service web is briefly down.";
        Assert.Equal(
            "Redeploying webops-blog stop-first: no domain is routed to it through the edge, so there is no switch to move the traffic to a second project" + Tail,
            Reason(Fine, routed: false));
        Assert.Equal(
            "Redeploying webops-blog stop-first: its public service web is not running, so there is nothing to keep serving" + Tail,
            Reason(Fine, publicRunning: false));
        Assert.Equal(
            "Redeploying webops-blog stop-first: service db sets container_name 'blog-db', which two projects cannot both use" + Tail,
            Reason(Fine.Replace("    image: x\n", "    image: x\n    container_name: blog-db\n", StringComparison.Ordinal)));
        Assert.Equal(
            "Redeploying webops-blog stop-first: service db publishes host ports itself (Docker:AllowComposePorts), which two projects cannot both bind" + Tail,
            Reason(Fine.Replace("    image: x\n", "    image: x\n    ports: [\"5432:5432\"]\n", StringComparison.Ordinal)));
        Assert.Equal(
            "Redeploying webops-blog stop-first: the file's version 3.3 cannot name volumes (2.1+ or 3.4+ can), so a second project would get new, empty volumes" + Tail,
            Reason("version: \"3.3\"\n" + Fine));
    }

    [Fact]
    public void Volume_names_are_accepted_from_versions_2_1_and_3_4_and_without_a_version()
    {
        Assert.Equal(
            [true, false, false, true, true, false, false, true, true],
            new string?[] { null, "2", "2.0", "2.1", "2.4", "3", "3.3", "3.4", "3.9" }.Select(ComposeRedeploy.CanNameVolumes));
    }

    [Fact]
    public void Volumes_the_file_names_itself_are_left_alone()
    {
        var volumes = ComposeDocument.Parse(
            "services:\n  web:\n    image: x\nvolumes:\n  data: {}\n  empty:\n  own:\n    name: shared\n  outside:\n    external: true\n  notext:\n    external: false\n",
            "compose.yaml").Volumes();

        Assert.Equal(
            [new ComposeVolume("data", false), new ComposeVolume("empty", false), new ComposeVolume("own", true), new ComposeVolume("outside", true), new ComposeVolume("notext", false)],
            volumes);
    }

    [Fact]
    public void Releases_take_turns_between_two_projects_that_keep_the_first_projects_volume_names()
    {
        Assert.Equal("webops-blog_b", ComposeNames.Other("blog", "webops-blog"));
        Assert.Equal("webops-blog", ComposeNames.Other("blog", "webops-blog_b"));
        Assert.Equal(["webops-blog", "webops-blog_b"], ComposeNames.Projects("blog"));
        Assert.Equal("webops-blog_data", ComposeNames.Volume("blog", "data"));
    }

    [Fact]
    public void Override_gives_the_files_volumes_their_fixed_names()
    {
        var text = ComposeOverride.Render(["web"], "web", "127.0.0.1", 41001, 80, "/e", "blog", null, null, new WebOps.Core.Resources.ResourceSettings(), ["data", "cache"]);

        Assert.EndsWith(
            """
              },
              "volumes": {
                "data": {
                  "name": "webops-blog_data"
                },
                "cache": {
                  "name": "webops-blog_cache"
                }
              }
            }

            """.ReplaceLineEndings("\n"),
            text,
            StringComparison.Ordinal);
        Assert.Contains("\"127.0.0.1:41001:80\"", text, StringComparison.Ordinal);
    }
}
