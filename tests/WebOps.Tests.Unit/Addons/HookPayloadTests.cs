using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Addons;

public class HookPayloadTests
{
    [Fact]
    public void Payload_is_one_snake_case_line_with_masked_env_values()
    {
        var context = AddonTestHost.Context(HookEvent.PreDeployment, new RecordingLog(), checkout: "/srv/checkouts/blog");

        var json = HookPayload.Build(context, includeSecrets: false);

        Assert.Equal(
            "{\"event\":\"pre_deployment\",\"deployment\":{\"name\":\"blog\",\"repo_url\":\"https://git.example.com/team/blog.git\","
            + "\"branch\":\"main\",\"commit_sha\":\"3f2a9c1\",\"project_type\":\"django\",\"port\":8000,\"host_port\":49160,"
            + "\"use_docker\":true,\"image_name\":\"webops/blog:latest\",\"container_name\":\"webops-blog\","
            + "\"env_vars\":{\"DEBUG\":\"***\",\"SECRET_KEY\":\"***\"}},\"checkout_path\":\"/srv/checkouts/blog\",\"deploy_run_id\":42}",
            json);
    }

    [Fact]
    public void Health_check_payload_has_nulls_where_there_is_no_checkout_or_run()
    {
        var context = AddonTestHost.Context(HookEvent.HealthCheck, new RecordingLog());
        var health = new HookContext
        {
            Event = HookEvent.HealthCheck,
            Log = context.Log,
            Deployment = context.Deployment with { DeployRunId = null, HostPort = null, CommitSha = null, EnvVars = new Dictionary<string, string>() },
        };

        var json = HookPayload.Build(health, includeSecrets: true);

        Assert.Contains("\"commit_sha\":null,", json, StringComparison.Ordinal);
        Assert.Contains("\"host_port\":null,", json, StringComparison.Ordinal);
        Assert.EndsWith("\"env_vars\":{}},\"checkout_path\":null,\"deploy_run_id\":null}", json, StringComparison.Ordinal);
    }
}
