using WebOps.Core.Resources;

namespace WebOps.Tests.Unit.Resources;

public sealed class SizesAndDurationsTests
{
    [Theory]
    [InlineData("64m", 67108864L)]
    [InlineData("1g", 1073741824L)]
    [InlineData("1.5G", 1610612736L)]
    [InlineData("512MiB", 536870912L)]
    [InlineData("10mb", 10485760L)]
    [InlineData("2048k", 2097152L)]
    [InlineData("100", 100L)]
    public void Docker_size_notation_is_read_in_powers_of_1024(string text, long bytes) =>
        Assert.Equal(bytes, ByteSize.TryParse(text));

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("10x")]
    [InlineData("-5m")]
    [InlineData("99999999999t")]
    public void Other_text_is_not_a_size(string text) => Assert.Null(ByteSize.TryParse(text));

    [Theory]
    [InlineData(67108864L, "64m", "64 MiB")]
    [InlineData(1610612736L, "1536m", "1.5 GiB")]
    [InlineData(1000L, "1000", "1000 B")]
    public void Sizes_are_written_for_docker_and_for_people(long bytes, string docker, string people) =>
        Assert.Equal((docker, people), (ByteSize.ToDocker(bytes), ByteSize.Describe(bytes)));

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("2h", 7_200_000)]
    public void Go_durations_are_read(string text, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DurationText.TryParse(text));

    [Theory]
    [InlineData("30")]
    [InlineData("1.5s")]
    [InlineData("s")]
    [InlineData("10d")]
    public void Other_text_is_not_a_duration(string text) => Assert.Null(DurationText.TryParse(text));
}
