using WebOps.Core.Deployments;

namespace WebOps.Tests.Unit.Deployments;

/// <summary>The status table, checked cell by cell against matrices written out here (not derived from the table).</summary>
public sealed class StatusRulesTests
{
    /// <summary>Rows: from. Columns: to. <c>x</c> allowed, <c>.</c> refused. Staying put is always allowed.</summary>
    private const string Moves = """
        from      pending building running stopped failed
        pending   x       x        .       .       x
        building  .       x        x       .       x
        running   .       x        x       x       .
        stopped   .       x        x       x       .
        failed    .       x        x       x       x
        """;

    /// <summary>
    /// Rows: action. Columns: the status it is asked in. A status name: offered, and leads to that status;
    /// <c>removed</c>: offered, and the deployment is gone; <c>-</c>: refused.
    /// </summary>
    private const string Actions = """
        action    pending  building running  stopped  failed
        deploy    building building building building building
        start     -        -        -        running  running
        stop      -        -        stopped  -        stopped
        restart   -        -        running  running  running
        delete    removed  -        removed  removed  removed
        """;

    [Fact]
    public void The_matrices_name_every_status_and_every_action()
    {
        var moves = Matrix<DeploymentStatus>(Moves);
        var actions = Matrix<DeploymentAction>(Actions);

        Assert.Equal(Enum.GetValues<DeploymentStatus>(), moves.Columns);
        Assert.Equal(Enum.GetValues<DeploymentStatus>(), moves.Rows.Keys);
        Assert.Equal(Enum.GetValues<DeploymentStatus>(), actions.Columns);
        Assert.Equal(Enum.GetValues<DeploymentAction>(), actions.Rows.Keys);
    }

    [Fact]
    public void Every_status_change_is_allowed_exactly_as_the_matrix_says()
    {
        var (columns, rows) = Matrix<DeploymentStatus>(Moves);
        var wrong = new List<string>();
        foreach (var (from, cells) in rows)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                var expected = cells[i] == "x";
                if (StatusRules.CanMove(from, columns[i]) != expected)
                {
                    wrong.Add($"{from} -> {columns[i]}: expected {(expected ? "allowed" : "refused")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Every_action_is_offered_and_leads_exactly_as_the_matrix_says()
    {
        var (columns, rows) = Matrix<DeploymentAction>(Actions);
        var wrong = new List<string>();
        foreach (var (action, cells) in rows)
        {
            var rule = StatusRules.For(action);
            for (var i = 0; i < columns.Length; i++)
            {
                var status = columns[i];
                var offered = cells[i] != "-";
                if (StatusRules.Allows(action, status) != offered || rule.AllowedIn.Contains(status) != offered)
                {
                    wrong.Add($"{action} in {status}: expected {(offered ? "offered" : "refused")}");
                }

                var leadsTo = rule.LeadsTo is { } to ? to.ToString().ToLowerInvariant() : "removed";
                if (offered && leadsTo != cells[i])
                {
                    wrong.Add($"{action} in {status}: expected to lead to {cells[i]}, leads to {leadsTo}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Every_action_leads_to_a_status_change_the_table_allows_from_each_status_it_is_offered_in()
    {
        foreach (var action in Enum.GetValues<DeploymentAction>())
        {
            var rule = StatusRules.For(action);
            Assert.Equal(action, rule.Action);
            foreach (var from in rule.AllowedIn)
            {
                Assert.True(rule.LeadsTo is not { } to || StatusRules.CanMove(from, to),
                    $"{action} is offered in {from} but leads to {rule.LeadsTo}, a change the table refuses");
            }
        }
    }

    /// <summary>Reads a matrix: the header names the status columns, each row starts with its key.</summary>
    private static (DeploymentStatus[] Columns, Dictionary<TRow, string[]> Rows) Matrix<TRow>(string text)
        where TRow : struct, Enum
    {
        var lines = text.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var columns = lines[0][1..].Select(c => Enum.Parse<DeploymentStatus>(c, ignoreCase: true)).ToArray();
        var rows = lines[1..].ToDictionary(l => Enum.Parse<TRow>(l[0], ignoreCase: true), l => l[1..]);
        Assert.All(rows.Values, cells => Assert.Equal(columns.Length, cells.Length));
        return (columns, rows);
    }
}
