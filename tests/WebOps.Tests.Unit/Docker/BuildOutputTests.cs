using Docker.DotNet.Models;
using WebOps.Addons.Docker.Build;

namespace WebOps.Tests.Unit.Docker;

public sealed class BuildOutputTests
{
    [Fact]
    public void Lines_are_written_whole_as_they_complete_and_the_failing_step_is_remembered()
    {
        var lines = new List<string>();
        var errors = new List<string>();
        var output = new BuildOutput(lines.Add, errors.Add);

        output.Handle(new JSONMessage { Stream = "Step 1/3 : FROM base\n ---> abc\nStep 2/3 : RUN pip" });
        output.Handle(new JSONMessage { Stream = " install -r requirements.txt\n" });
        output.Handle(new JSONMessage { Stream = " ---> Using cache\n" });
        output.Handle(new JSONMessage { Stream = "Step 3/3 : RUN false\n" });
        output.Handle(new JSONMessage { Stream = " ---> Running in 123\n\n" });
        output.Handle(new JSONMessage { Error = new JSONError { Message = "The command '/bin/sh -c false' returned a non-zero code: 1" } });

        Assert.Equal(
            ["Step 1/3 : FROM base", " ---> abc", "Step 2/3 : RUN pip install -r requirements.txt", " ---> Using cache", "Step 3/3 : RUN false", " ---> Running in 123"],
            lines);
        Assert.Equal(["The command '/bin/sh -c false' returned a non-zero code: 1"], errors);
        Assert.Equal("Step 3/3 : RUN false", output.CurrentStep);
        Assert.Equal(1, output.CachedSteps);
    }

    [Fact]
    public void A_last_line_without_newline_is_written_on_flush()
    {
        var lines = new List<string>();
        var output = new BuildOutput(lines.Add, _ => { });

        output.Handle(new JSONMessage { Stream = "Successfully tagged x:1" });
        Assert.Empty(lines);
        output.Flush();

        Assert.Equal(["Successfully tagged x:1"], lines);
    }
}
