using WebOps.Addons.Process.Runtime;
using WebOps.Core.Runtime;

namespace WebOps.Tests.Unit.ProcessAddon;

public class OutputTailTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_long_stderr_keeps_its_last_lines_after_the_stdout_ones()
    {
        var lines = new List<RuntimeLogLine> { new(At, "stdout", "crashed at start") };
        lines.AddRange(Enumerable.Range(1, 40).Select(i => new RuntimeLogLine(At, "stderr", $"trace {i}")));
        lines.Add(new RuntimeLogLine(At, "stdout", "last words"));

        var text = OutputTail.Describe(lines);

        Assert.Equal(
            string.Join('\n', ["stdout: crashed at start", "stdout: last words", .. Enumerable.Range(26, 15).Select(i => $"stderr: trace {i}")]),
            text);
    }

    [Fact]
    public void No_output_says_so()
    {
        Assert.Equal("(none)", OutputTail.Describe([]));
    }
}
