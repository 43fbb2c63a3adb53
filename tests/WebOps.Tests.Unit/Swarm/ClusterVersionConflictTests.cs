using System.Net;
using Docker.DotNet;
using WebOps.Addons.Docker.Swarm.Cluster;

namespace WebOps.Tests.Unit.Swarm;

/// <summary>A node changed between read and write is retried; the engine says so with a 500 and this message.</summary>
public sealed class ClusterVersionConflictTests
{
    [Fact]
    public void The_engines_out_of_sequence_answer_is_a_version_conflict()
    {
        // As Docker 20.10 answers POST /nodes/ID/update with a stale version.
        var stale = new DockerApiException(HttpStatusCode.InternalServerError, """{"message":"rpc error: code = Unknown desc = update out of sequence"}""");

        Assert.True(SwarmCluster.IsVersionConflict(stale));
    }

    [Fact]
    public void Other_engine_errors_are_not_retried() =>
        Assert.False(SwarmCluster.IsVersionConflict(new DockerApiException(HttpStatusCode.InternalServerError, """{"message":"node is not a swarm manager"}""")));
}
