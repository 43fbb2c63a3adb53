using Microsoft.AspNetCore.Http;
using WebOps.Audit;

namespace WebOps.Tests.Unit.Audit;

public sealed class AuditQueryTests
{
    [Fact]
    public void No_parameters_ask_for_the_newest_hundred()
    {
        var (query, errors) = AuditQuery.Parse(Request(""));

        Assert.Empty(errors);
        Assert.Equal(AuditQuery.Newest, query);
    }

    [Fact]
    public void Filters_are_read_trimmed_and_empty_ones_mean_any()
    {
        var (query, errors) = AuditQuery.Parse(Request("?action=deployment.edit&actor=%20alice%20&target=&limit=1000&before=42"));

        Assert.Empty(errors);
        Assert.Equal(new AuditQuery("deployment.edit", "alice", null, 1000, 42), query);
    }

    [Theory]
    [InlineData("?limit=0", "limit: must be a whole number from 1 to 1000, e.g. limit=1")]
    [InlineData("?limit=1001", "limit: must be a whole number from 1 to 1000, e.g. limit=1")]
    [InlineData("?limit=ten", "limit: must be a whole number from 1 to 1000, e.g. limit=1")]
    [InlineData("?limit=-5", "limit: must be a whole number from 1 to 1000, e.g. limit=1")]
    [InlineData("?before=x1", "before: must be a whole number from 1 to 9223372036854775807, e.g. before=1")]
    [InlineData("?before=0", "before: must be a whole number from 1 to 9223372036854775807, e.g. before=1")]
    [InlineData("?target=a&target=b", "target: is given 2 times; give it once")]
    public void A_bad_value_is_refused_naming_its_parameter(string query, string expected)
    {
        var (_, errors) = AuditQuery.Parse(Request(query));

        Assert.Equal(expected, Assert.Single(errors).ToString());
    }

    [Fact]
    public void An_unknown_action_is_refused_with_the_known_ones()
    {
        var (_, errors) = AuditQuery.Parse(Request("?action=deploy"));

        var error = Assert.Single(errors);
        Assert.Equal("action", error.Field);
        Assert.StartsWith("'deploy' is not an audit action; use one of login.succeeded, login.failed, logout,", error.Message, StringComparison.Ordinal);
        Assert.Contains("deployment.deploy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_filter_is_refused()
    {
        var (_, errors) = AuditQuery.Parse(Request("?actor=" + new string('x', 201)));

        Assert.Equal("actor: is longer than 200 characters; no actor is that long", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Every_action_constant_is_listed_once()
    {
        Assert.Contains(AuditActions.Rollback, AuditActions.All);
        Assert.Contains(AuditActions.WebhookDelivery, AuditActions.All);
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Distinct(StringComparer.Ordinal).Count());
    }

    private static HttpRequest Request(string query) => new DefaultHttpContext { Request = { QueryString = new QueryString(query) } }.Request;
}
