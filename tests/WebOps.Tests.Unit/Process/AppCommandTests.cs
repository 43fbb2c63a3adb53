using WebOps.Addons.Process.Supervision;

namespace WebOps.Tests.Unit.ProcessAddon;

public class AppCommandTests
{
    [Fact]
    public void App_command_passes_user_text_only_as_arguments_to_a_fixed_script()
    {
        var command = AppCommand.Build("/v/bin/python", ["-m", "gunicorn", "a;rm -rf /:application"], "/a/stdout.log", "/a/stderr.log", "/usr/bin/setsid");

        Assert.Equal(
            [
                "/usr/bin/setsid", "/bin/sh", "-c", "out=$1; err=$2; shift 2; exec \"$@\" </dev/null >>\"$out\" 2>>\"$err\"",
                "webops-app", "/a/stdout.log", "/a/stderr.log", "/v/bin/python", "-m", "gunicorn", "a;rm -rf /:application",
            ],
            command);
    }

    [Fact]
    public void App_log_lines_read_back_with_their_stream()
    {
        var line = new WebOps.Core.Runtime.RuntimeLogLine(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 6, TimeSpan.Zero), "stderr", "Listening at: x y");

        var text = AppLogFile.Format(line);

        Assert.Equal("2026-01-02T03:04:05.006Z stderr Listening at: x y", text);
        Assert.Equal(line, AppLogFile.Parse(text));
    }
}
