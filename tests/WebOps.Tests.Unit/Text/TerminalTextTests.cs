using WebOps.Core.Text;

namespace WebOps.Tests.Unit.Text;

public sealed class TerminalTextTests
{
    [Fact]
    public void Plain_text_comes_back_as_the_same_instance()
    {
        const string text = "naïve ✓\tcolumn\nnext line";

        Assert.Same(text, TerminalText.Strip(text));
    }

    [Fact]
    public void The_legacy_builders_red_stderr_wrapper_is_removed()
    {
        Assert.Equal(
            "ERROR: No matching distribution found for django>=6.0\n",
            TerminalText.Strip("\u001b[91mERROR: No matching distribution found for django>=6.0\n\u001b[0m"));
    }

    [Theory]
    [InlineData("\u001b[1;31merror\u001b[0m: \u001b[38;5;196mbad\u001b[m \u001b[38:2::255:0:0mtrue colour\u001b[39m", "error: bad true colour")]
    [InlineData("\u001b[2K\u001b[1Gdone \u001b[3A\u001b[10;20Hmoved", "done moved")]
    [InlineData("\u001b[?25lhidden cursor\u001b[?25h", "hidden cursor")]
    [InlineData("\u001b[>4;2m\u001b[ qshape", "shape")]
    [InlineData("\u009b31m8-bit CSI\u009b0m", "8-bit CSI")]
    public void Control_sequences_of_every_shape_are_removed(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Strip(input));

    [Theory]
    [InlineData("\u001b]0;window title\u0007text", "text")]
    [InlineData("\u001b]8;;https://example.com\u001b\\link\u001b]8;;\u001b\\ after", "link after")]
    [InlineData("\u009d0;title\u009ctext", "text")]
    [InlineData("\u001bPq#0;2;0;0;0\u001b\\sixel gone", "sixel gone")]
    [InlineData("\u001b_application\u001b\\ program command", " program command")]
    public void Operating_system_commands_and_other_strings_are_removed(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Strip(input));

    [Theory]
    [InlineData("\u001b(Bcharset\u001b=keypad\u001b>", "charsetkeypad")]
    [InlineData("\u001b7saved\u001b8 restored\u001bc", "saved restored")]
    public void Short_escapes_are_removed(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Strip(input));

    [Theory]
    [InlineData("Downloading  10%\rDownloading  55%\rDownloading 100%\r\n", "Downloading 100%\n")]
    [InlineData("first\rsecond\nkept\r", "second\nkept")]
    [InlineData("windows\r\nline ends\r\n", "windows\nline ends\n")]
    [InlineData("working |\b/\b-\b done", "working  done")]
    [InlineData("\bnothing to step back over", "nothing to step back over")]
    [InlineData("pair 😀\b!", "pair !")]
    public void Carriage_returns_and_backspaces_leave_what_a_terminal_would_show(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Strip(input));

    [Theory]
    [InlineData("cut off\u001b[31", "cut off")]
    [InlineData("lone escape\u001b", "lone escape")]
    [InlineData("escape then newline\u001b\nnext", "escape then newline\nnext")]
    [InlineData("broken\u001b[31\ncsi", "broken\ncsi")]
    [InlineData("\u001b]0;never terminated\nnext line", "\nnext line")]
    public void Broken_sequences_never_swallow_following_lines(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Strip(input));

    [Fact]
    public void Other_control_characters_are_dropped_and_tabs_kept()
    {
        Assert.Equal("bell\tnul del c1", TerminalText.Strip("bell\u0007\tnul\u0000 del\u007f c1\u0085"));
    }
}
