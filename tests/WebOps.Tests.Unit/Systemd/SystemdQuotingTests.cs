using WebOps.Core.Systemd;

namespace WebOps.Tests.Unit.Systemd;

public class SystemdQuotingTests
{
    [Theory]
    [InlineData("webops/blog:latest", "webops/blog:latest")]
    [InlineData("--label=webops.app=blog", "--label=webops.app=blog")]
    [InlineData("hello world", "\"hello world\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("$HOME", "\"$$HOME\"")]
    [InlineData("${PORT}", "\"$${PORT}\"")]
    [InlineData("100%", "\"100%%\"")]
    [InlineData("%n", "\"%%n\"")]
    [InlineData(@"C:\temp\", @"""C:\\temp\\""")]
    [InlineData("été ☕", "\"été ☕\"")]
    [InlineData(";", "\";\"")]
    [InlineData("", "\"\"")]
    public void Argument_is_quoted_so_systemd_reads_back_the_same_string(string value, string expected)
    {
        Assert.Equal(expected, SystemdQuoting.QuoteArgument(value));
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("tab\there")]
    [InlineData("nul\0")]
    [InlineData("c1\u0085")]
    public void Argument_with_a_newline_or_control_character_is_rejected(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => SystemdQuoting.QuoteArgument(value));

        Assert.Contains("control character", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DEBUG", "1", "DEBUG=\"1\"")]
    [InlineData("GREETING", "hello $USER, 100% \"sure\"", "GREETING=\"hello \\$USER, 100% \\\"sure\\\"\"")]
    [InlineData("CMD", "`id`", "CMD=\"\\`id\\`\"")]
    [InlineData("PATH_WITH_BACKSLASH", @"a\b\", @"PATH_WITH_BACKSLASH=""a\\b\\""")]
    [InlineData("PADDED", " # kept ", "PADDED=\" # kept \"")]
    [InlineData("LINES", "one\ntwo\r\tend", "LINES=\"one\ntwo\r\tend\"")]
    [InlineData("UNICODE", "été ☕", "UNICODE=\"été ☕\"")]
    [InlineData("EMPTY", "", "EMPTY=\"\"")]
    public void Environment_file_assignment_double_quotes_the_value_escaping_what_systemd_unescapes(string name, string value, string expected)
    {
        Assert.Equal(expected, SystemdQuoting.QuoteEnvironmentFileAssignment(name, value));
    }

    [Theory]
    [InlineData("1ST")]
    [InlineData("A-B")]
    [InlineData("A B")]
    [InlineData("")]
    public void Environment_name_that_is_not_a_variable_name_is_rejected(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => SystemdQuoting.QuoteEnvironmentFileAssignment(name, "x"));

        Assert.StartsWith($"Environment variable name '{name}' is not valid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_value_with_a_nul_is_rejected_without_echoing_the_value()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => SystemdQuoting.QuoteEnvironmentFileAssignment("API_TOKEN", "s3cret\0rest"));

        Assert.Equal(
            "Environment variable 'API_TOKEN' cannot be written to a systemd environment file: its value holds a NUL character "
            + "(at position 6), which no process can receive. Remove it from the value.",
            ex.Message);
    }
}
