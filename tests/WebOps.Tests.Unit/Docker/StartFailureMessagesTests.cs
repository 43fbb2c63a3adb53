using WebOps.Addons.Docker.Hooks;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Runtime;

namespace WebOps.Tests.Unit.Docker;

public sealed class StartFailureMessagesTests
{
    private static readonly ContainerSpec Spec = new()
    {
        Name = "webops-blog",
        Image = "webops/blog:deploy-3",
        Labels = [],
        Env = [],
        Binds = [],
        Ports = [new PortPublish("127.0.0.1", 49160, 8000, "tcp")],
        NetworkMode = "bridge",
    };

    [Fact]
    public void An_exited_container_shows_its_code_and_last_lines()
    {
        var logs = Enumerable.Range(1, 40).Select(i => new RuntimeLogLine(null, "stdout", $"line {i}")).ToList();

        var message = StartFailures.Exited("webops-blog", 3, logs);

        Assert.Equal($"Container webops-blog exited with code 3. Last 30 log lines:\n{string.Join('\n', Enumerable.Range(11, 30).Select(i => $"line {i}"))}", message);
        Assert.Equal("Container webops-blog exited with code 1. The container wrote no output.", StartFailures.Exited("webops-blog", 1, []));
    }

    [Theory]
    [InlineData("driver failed programming external connectivity on endpoint webops-blog (abc): Error starting userland proxy: listen tcp4 127.0.0.1:49160: bind: address already in use")]
    [InlineData("driver failed programming external connectivity on endpoint webops-blog (abc): Bind for 127.0.0.1:49160 failed: port is already allocated")]
    public void A_taken_port_is_named_with_the_next_step(string engineMessage) =>
        Assert.Equal(
            "Port 127.0.0.1:49160 is already in use on this host, so container webops-blog cannot publish it. "
            + "Stop what listens there (ss -ltnp 'sport = :49160') or change the deployment's port, then redeploy.",
            StartFailures.StartRefused(Spec, engineMessage));

    [Fact]
    public void Other_start_errors_keep_the_engines_words() =>
        Assert.Equal(
            "Container webops-blog could not start: OCI runtime create failed: exec: \"gunicorn\": not found",
            StartFailures.StartRefused(Spec, "OCI runtime create failed: exec: \"gunicorn\": not found"));

    [Fact]
    public void A_vllm_server_that_never_lists_its_model_names_model_path_and_next_step()
    {
        var logs = new List<RuntimeLogLine> { new(null, "stdout", "INFO Loading weights") };

        var message = StartFailures.ModelNotListed("webops-chat", "qwen", "/v1/models", TimeSpan.FromMinutes(20), logs);

        Assert.Equal(
            "Container webops-chat is running, but vLLM did not list model 'qwen' on /v1/models within 20 min. "
            + "A large model can take longer to download and load: raise Llm:StartPeriod, or check the model id and the Hugging Face token. "
            + "Last 30 log lines:\nINFO Loading weights",
            message);
    }

    [Theory]
    [InlineData(600, "10 min")]
    [InlineData(90, "90 s")]
    [InlineData(1.5, "1.5 s")]
    public void Durations_read_as_people_write_them(double seconds, string expected) =>
        Assert.Equal(expected, Durations.Describe(TimeSpan.FromSeconds(seconds)));
}
