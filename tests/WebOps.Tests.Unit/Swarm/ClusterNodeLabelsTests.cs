using WebOps.Addons.Docker.Swarm.Cluster;
using WebOps.Api;

namespace WebOps.Tests.Unit.Swarm;

/// <summary>Node labels as typed on the Servers page or sent to the API, checked against Docker's label key rules.</summary>
public sealed class ClusterNodeLabelsTests
{
    [Fact]
    public void Lines_of_key_value_become_labels_with_blank_lines_and_spaces_ignored()
    {
        var (labels, errors) = NodeLabels.Parse("zone=east\n\n  rack = r12 \r\nwebops.tier=\n");

        Assert.Empty(errors);
        Assert.Equal(new Dictionary<string, string> { ["zone"] = "east", ["rack"] = "r12", ["webops.tier"] = "" }, labels);
    }

    [Fact]
    public void Each_bad_line_gets_an_error_naming_the_line_and_the_rule_it_breaks()
    {
        var (_, errors) = NodeLabels.Parse("Zone=east\nno-equals\n9lives=x\nend-=x\na..b=x\ncom.docker.x=y\nzone=a\nzone=b\nok=tab\there");

        Assert.Equal(
            [
                "labels: line 1 'Zone=east': key 'Zone' has 'Z': use lower-case letters, digits, '.' and '-' only",
                "labels: line 2 'no-equals': write key=value, e.g. zone=east",
                "labels: line 3 '9lives=x': key '9lives' must start with a lower-case letter",
                "labels: line 4 'end-=x': key 'end-' must end with a lower-case letter or digit",
                "labels: line 5 'a..b=x': key 'a..b' has '..' or '--': consecutive periods or hyphens are not allowed",
                "labels: line 6 'com.docker.x=y': key 'com.docker.x' is in Docker's reserved namespace 'com.docker.'; use your own prefix, e.g. webops.zone",
                "labels: line 8 'zone=b': key 'zone' is given twice; keep one line for it",
                "labels: line 9 'ok=tab\there': value has a control character; keep it to one line of text",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Labels_sent_as_json_get_errors_named_by_key()
    {
        var errors = ClusterApi.Check(new ClusterNodePatch("sleep", new Dictionary<string, string?> { ["Zone"] = "east", ["rack"] = "r1" }));

        Assert.Equal(
            [
                "availability: 'sleep' is not an availability; use active, pause or drain.",
                "labels.Zone: key 'Zone' has 'Z': use lower-case letters, digits, '.' and '-' only",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void An_empty_change_is_refused_and_an_empty_label_set_is_allowed()
    {
        Assert.Equal(["body: give availability (active, pause or drain) and/or labels"], ClusterApi.Check(new ClusterNodePatch(null, null)).Select(e => e.ToString()));
        Assert.Empty(ClusterApi.Check(new ClusterNodePatch(null, [])));
    }

    [Fact]
    public void The_edit_field_shows_labels_sorted_one_a_line_and_reads_back_the_same()
    {
        var text = NodeLabels.Format(new Dictionary<string, string> { ["zone"] = "east", ["rack"] = "r1" });

        Assert.Equal("rack=r1\nzone=east\n", text);
        Assert.Equal(new Dictionary<string, string> { ["rack"] = "r1", ["zone"] = "east" }, NodeLabels.Parse(text).Labels);
    }

    [Fact]
    public void The_audit_names_changed_label_keys_never_values()
    {
        Assert.Equal("availability=drain, labels: rack, zone", new NodeChange("drain", new Dictionary<string, string> { ["zone"] = "secret-east", ["rack"] = "r1" }).Describe());
        Assert.Equal("labels: none", new NodeChange(null, new Dictionary<string, string>()).Describe());
    }
}
