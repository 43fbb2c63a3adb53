using Docker.DotNet.Models;
using WebOps.Addons.Docker.Swarm.Services;

namespace WebOps.Tests.Unit.Swarm;

public class SwarmConvergenceTests
{
    private const string New = "r/webops/blog:deploy-2@sha256:new";

    private static TaskResponse Task(string image, TaskState state, string? err = null, int second = 0) => new()
    {
        DesiredState = TaskState.Running,
        Spec = new TaskSpec { ContainerSpec = new ContainerSpec { Image = image } },
        Status = new global::Docker.DotNet.Models.TaskStatus { State = state, Err = err, Timestamp = new DateTime(2026, 1, 1, 0, 0, second, DateTimeKind.Utc) },
    };

    [Fact]
    public void A_new_service_is_done_when_every_replica_of_the_image_runs()
    {
        Assert.False(SwarmConvergence.Of("webops-blog", null, [Task(New, TaskState.Running), Task(New, TaskState.Starting)], New, 2).Done);
        Assert.True(SwarmConvergence.Of("webops-blog", null, [Task(New, TaskState.Running), Task(New, TaskState.Running)], New, 2).Done);
    }

    [Fact]
    public void An_update_is_done_only_once_swarm_calls_it_completed()
    {
        var tasks = new[] { Task(New, TaskState.Running) };

        Assert.False(SwarmConvergence.Of("webops-blog", new UpdateStatus { State = "updating" }, tasks, New, 1).Done);
        Assert.True(SwarmConvergence.Of("webops-blog", new UpdateStatus { State = "completed" }, tasks, New, 1).Done);
    }

    [Theory]
    [InlineData("rollback_started", "Swarm rolled the update back and the old release keeps serving")]
    [InlineData("rollback_completed", "Swarm rolled the update back and the old release keeps serving")]
    [InlineData("paused", "Swarm paused the update and the old release keeps serving")]
    public void A_rolled_back_or_paused_update_fails_with_swarms_reason_and_the_tasks_last_error(string state, string fragment)
    {
        var tasks = new[] { Task(New, TaskState.Failed, "old error", 1), Task(New, TaskState.Failed, "task: non-zero exit (1): dockerexec: unhealthy container", 2) };

        var verdict = SwarmConvergence.Of("webops-blog", new UpdateStatus { State = state, Message = "update rolled back due to failure" }, tasks, New, 1);

        Assert.False(verdict.Done);
        Assert.Equal(
            $"The new tasks of service webops-blog failed (update rolled back due to failure); {fragment}. Last task error: task: non-zero exit (1): dockerexec: unhealthy container.",
            verdict.Failure);
    }
}
