using Docker.DotNet.Models;
using WebOps.Addons.Docker.Swarm.Services;

namespace WebOps.Tests.Unit.Swarm;

public class SwarmTasksTests
{
    private const string Old = "r/webops/blog:deploy-1@sha256:old";
    private const string New = "r/webops/blog:deploy-2@sha256:new";

    private static readonly Dictionary<string, string> Hosts = new() { ["node-manager-0001"] = "web-1", ["node-worker-00002"] = "web-2" };

    private static TaskResponse Task(
        string id, long slot, string node, TaskState state, TaskState desired, int minute, string image = New, string? err = null, string? message = null) => new()
        {
            ID = id,
            Slot = slot,
            NodeID = node,
            DesiredState = desired,
            CreatedAt = new DateTime(2026, 1, 1, 0, minute, 0, DateTimeKind.Utc),
            Spec = new TaskSpec { ContainerSpec = new ContainerSpec { Image = image } },
            Status = new global::Docker.DotNet.Models.TaskStatus
            {
                State = state,
                Err = err,
                Message = message,
                Timestamp = new DateTime(2026, 1, 1, 0, minute, 30, DateTimeKind.Utc),
            },
        };

    [Fact]
    public void Rows_show_each_slots_current_task_with_its_node_and_the_same_image_tasks_that_ended_before_it_as_restarts()
    {
        var tasks = new[]
        {
            // Slot 2: crashed twice on web-2 with the new image, once replaced by the redeploy; now starting again.
            Task("t2a00000000000000", 2, "node-worker-00002", TaskState.Shutdown, TaskState.Shutdown, 1, image: Old, message: "shutdown"),
            Task("t2b00000000000000", 2, "node-worker-00002", TaskState.Failed, TaskState.Shutdown, 2, err: "task: non-zero exit (1)", message: "started"),
            Task("t2c00000000000000", 2, "node-worker-00002", TaskState.Failed, TaskState.Shutdown, 3, err: "task: non-zero exit (1)", message: "started"),
            Task("t2d00000000000000", 2, "node-worker-00002", TaskState.Starting, TaskState.Running, 4, message: "starting"),

            // Slot 1: runs on web-1 since the redeploy.
            Task("t1a00000000000000", 1, "node-manager-0001", TaskState.Shutdown, TaskState.Shutdown, 1, image: Old, message: "shutdown"),
            Task("t1b00000000000000", 1, "node-manager-0001", TaskState.Running, TaskState.Running, 2, message: "started"),

            // Slot 3: cannot be placed.
            Task("t3a00000000000000", 3, "", TaskState.Pending, TaskState.Running, 5, err: "no suitable node (insufficient resources on 2 nodes)", message: "pending task scheduling"),
        };

        var rows = SwarmTasks.Rows(tasks, Hosts);

        Assert.Equal(
            [
                "t1b000000000 1 web-1 running/running 'started' 00:02:30 restarts 0",
                "t2d000000000 2 web-2 starting/running 'starting' 00:04:30 restarts 2",
                "t3a000000000 3 - pending/running 'no suitable node (insufficient resources on 2 nodes)' 00:05:30 restarts 0",
            ],
            rows.Select(r => $"{r.Id} {r.Slot} {(r.Node.Length > 0 ? r.Node : "-")} {r.State}/{r.DesiredState} '{r.Detail}' {r.When:HH:mm:ss} restarts {r.Restarts}"));
    }

    [Fact]
    public void A_slot_with_no_task_meant_to_run_shows_its_newest_task_and_an_unknown_node_its_short_id()
    {
        var tasks = new[]
        {
            Task("t1a00000000000000", 1, "node-gone-000000099", TaskState.Failed, TaskState.Shutdown, 1, err: "task: non-zero exit (2)"),
            Task("t1b00000000000000", 1, "node-gone-000000099", TaskState.Complete, TaskState.Shutdown, 2, message: "finished"),
        };

        var row = Assert.Single(SwarmTasks.Rows(tasks, Hosts));

        Assert.Equal(new SwarmTaskRow("t1b000000000", 1, "node-gone-00", "complete", "shutdown", null, "finished", new DateTimeOffset(2026, 1, 1, 0, 2, 30, TimeSpan.Zero), 1), row);
    }

    [Fact]
    public void Health_is_good_when_every_replica_runs()
    {
        var rows = SwarmTasks.Rows([Task("a", 1, "node-manager-0001", TaskState.Running, TaskState.Running, 1), Task("b", 2, "node-worker-00002", TaskState.Running, TaskState.Running, 1)], Hosts);

        Assert.Equal((true, "2 of 2 tasks running."), SwarmTasks.Health(rows, 2));
    }

    [Fact]
    public void Health_names_a_task_that_does_not_run_with_its_node_and_error()
    {
        var rows = SwarmTasks.Rows(
        [
            Task("t1a00000000000000", 1, "node-manager-0001", TaskState.Running, TaskState.Running, 1),
            Task("t2a00000000000000", 2, "node-worker-00002", TaskState.Failed, TaskState.Shutdown, 1, err: "task: non-zero exit (1)"),
            Task("t2b00000000000000", 2, "node-worker-00002", TaskState.Starting, TaskState.Running, 2, message: "starting"),
        ], Hosts);

        Assert.Equal((false, "1 of 2 tasks running (task t2b000000000 on node web-2: starting)."), SwarmTasks.Health(rows, 2));
    }

    [Fact]
    public void Health_of_a_task_that_cannot_be_placed_says_so_with_swarms_reason()
    {
        var rows = SwarmTasks.Rows(
        [
            Task("t1a00000000000000", 1, "node-manager-0001", TaskState.Running, TaskState.Running, 1),
            Task("t2a00000000000000", 2, "", TaskState.Pending, TaskState.Running, 2, err: "no suitable node (insufficient resources on 1 node)", message: "pending task scheduling"),
        ], Hosts);

        Assert.Equal(
            (false, "1 of 2 tasks running (task t2a000000000 not placed on a node: no suitable node (insufficient resources on 1 node))."),
            SwarmTasks.Health(rows, 2));
    }

    [Fact]
    public void Health_without_any_task_says_there_is_none_to_ask()
    {
        Assert.Equal((false, "0 of 1 task running; the service has no other task to say why."), SwarmTasks.Health([], 1));
    }
}
