using Microsoft.Extensions.Primitives;
using WebOps.Audit;

namespace WebOps.Tests.Unit.Audit;

public sealed class AuditQueryTests
{
    [Fact]
    public void No_parameters_ask_for_the_newest_hundred()
    {
        var (query, errors) = AuditQuery.Parse([]);

        Assert.Empty(errors);
        Assert.Equal(AuditQuery.Newest, query);
    }

    [Fact]
    public void Filters_are_read_trimmed_and_empty_ones_mean_any()
    {
        var (query, errors) = AuditQuery.Parse(Query(("action", "deployment.edit"), ("actor", " alice "), ("target", ""), ("limit", "1000"), ("before", "42")));

        Assert.Empty(errors);
        Assert.Equal(new AuditQuery("deployment.edit", "alice", null, 1000, 42), query);
    }

    [Theory]
    [InlineData("limit", "0", "limit: '0' is not a whole number from 1 to 1000")]
    [InlineData("limit", "1001", "limit: '1001' is not a whole number from 1 to 1000")]
    [InlineData("limit", "ten", "limit: 'ten' is not a whole number from 1 to 1000")]
    [InlineData("limit", "-5", "limit: '-5' is not a whole number from 1 to 1000")]
    [InlineData("before", "x1", "before: 'x1' is not an entry id (a whole number, 1 or more) as next_before gave it")]
    [InlineData("before", "0", "before: '0' is not an entry id (a whole number, 1 or more) as next_before gave it")]
    public void A_bad_number_is_refused_naming_its_parameter(string name, string value, string expected)
    {
        var (_, errors) = AuditQuery.Parse(Query((name, value)));

        Assert.Equal(expected, Assert.Single(errors).ToString());
    }

    [Fact]
    public void An_unknown_action_is_refused_with_the_known_ones()
    {
        var (_, errors) = AuditQuery.Parse(Query(("action", "deploy")));

        var error = Assert.Single(errors);
        Assert.Equal("action", error.Field);
        Assert.StartsWith("'deploy' is not an audit action; use one of login.succeeded, login.failed, logout,", error.Message, StringComparison.Ordinal);
        Assert.Contains("deployment.deploy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_or_overlong_parameter_is_refused()
    {
        var (_, errors) = AuditQuery.Parse([new("target", new StringValues(["a", "b"])), new("actor", new string('x', 201))]);

        Assert.Equal(
            ["actor: is longer than 200 characters; no actor is that long", "target: is given 2 times; give it once"],
            errors.Select(e => e.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_action_constant_is_listed_once()
    {
        Assert.Contains(AuditActions.Rollback, AuditActions.All);
        Assert.Contains(AuditActions.WebhookDelivery, AuditActions.All);
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Distinct(StringComparer.Ordinal).Count());
    }

    private static KeyValuePair<string, StringValues>[] Query(params (string Name, string Value)[] pairs) =>
        [.. pairs.Select(p => new KeyValuePair<string, StringValues>(p.Name, p.Value))];
}
