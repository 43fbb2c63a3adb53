using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using WebOps.Hosting;

namespace WebOps.Tests.Unit.Hosting;

public class StartFailureTests
{
    public sealed class Settings
    {
        public TimeSpan Interval { get; set; }

        public bool Enabled { get; set; }

        public int Port { get; set; }
    }

    /// <summary>The exception the configuration binder itself throws for <paramref name="key"/> = <paramref name="value"/>.</summary>
    private static InvalidOperationException Binding(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Health:" + key] = value }).Build();
        return Assert.Throws<InvalidOperationException>(() => configuration.GetSection("Health").Get<Settings>());
    }

    [Theory]
    [InlineData("Interval", "abc", "which is not a duration (such as 00:00:30 for 30 seconds)")]
    [InlineData("Enabled", "maybe", "which is neither true nor false")]
    [InlineData("Port", "80a", "which is not a whole number")]
    public void A_setting_that_does_not_convert_is_named_with_where_to_fix_it(string key, string value, string expected)
    {
        Assert.Equal(
            $"The setting Health:{key} is '{value}', {expected}. Fix it where it is set (--Health:{key}=VALUE, the environment variable "
            + $"Health__{key}, or appsettings.json) and start the panel again.",
            StartFailure.Explain(Binding(key, value)));
    }

    [Fact]
    public void A_busy_address_says_what_to_do()
    {
        var e = new IOException("Failed to bind to address http://127.0.0.1:8000: address already in use.", new AddressInUseException("Address already in use"));

        Assert.Equal(
            "Failed to bind to address http://127.0.0.1:8000: address already in use. Another program (or another panel) listens there: "
            + "stop it, or start the panel on a free address with --urls, for example --urls http://127.0.0.1:8001",
            StartFailure.Explain(e));
        Assert.Equal(StartFailure.Explain(e), StartFailure.Explain(new AggregateException(e)));
    }

    [Fact]
    public void Faults_keep_their_exception()
    {
        Assert.Null(StartFailure.Explain(new InvalidOperationException("Sequence contains no elements")));
        Assert.Null(StartFailure.Explain(new IOException("disk full")));
        Assert.Null(StartFailure.Explain(new InvalidOperationException("Failed to convert configuration value 'x' at 'A:B' to type 'System.Int32'.")));
        Assert.Null(StartFailure.Explain(new AggregateException(new IOException("one"), new IOException("two"))));
    }
}
