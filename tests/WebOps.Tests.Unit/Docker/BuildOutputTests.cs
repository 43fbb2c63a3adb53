using Docker.DotNet.Models;
using WebOps.Addons.Docker.Build;
using WebOps.Core.Deployments;

namespace WebOps.Tests.Unit.Docker;

public sealed class BuildOutputTests
{
    private const string Esc = "\u001b";

    [Fact]
    public void Lines_are_written_whole_as_they_complete_and_the_failing_step_is_remembered()
    {
        var lines = new List<(DeploymentLogLevel, string)>();
        var output = new BuildOutput((level, line) => lines.Add((level, line)));

        output.Handle(new JSONMessage { Stream = "Step 1/3 : FROM base\n ---> abc\nStep 2/3 : RUN pip" });
        output.Handle(new JSONMessage { Stream = " install -r requirements.txt\n" });
        output.Handle(new JSONMessage { Stream = " ---> Using cache\n" });
        output.Handle(new JSONMessage { Stream = "Step 3/3 : RUN false\n" });
        output.Handle(new JSONMessage { Stream = " ---> Running in 123\n\n" });
        output.Handle(new JSONMessage { Error = new JSONError { Message = "The command '/bin/sh -c false' returned a non-zero code: 1" } });

        Assert.Equal(
            [
                (DeploymentLogLevel.Info, "Step 1/3 : FROM base"),
                (DeploymentLogLevel.Info, " ---> abc"),
                (DeploymentLogLevel.Info, "Step 2/3 : RUN pip install -r requirements.txt"),
                (DeploymentLogLevel.Info, " ---> Using cache"),
                (DeploymentLogLevel.Info, "Step 3/3 : RUN false"),
                (DeploymentLogLevel.Info, " ---> Running in 123"),
                (DeploymentLogLevel.Error, "The command '/bin/sh -c false' returned a non-zero code: 1"),
            ],
            lines);
        Assert.Equal("Step 3/3 : RUN false", output.CurrentStep);
        Assert.Equal(1, output.CachedSteps);
        Assert.Empty(output.StepOutput);
    }

    [Fact]
    public void A_last_line_without_newline_is_written_on_flush()
    {
        var lines = new List<string>();
        var output = new BuildOutput((_, line) => lines.Add(line));

        output.Handle(new JSONMessage { Stream = "Successfully tagged x:1" });
        Assert.Empty(lines);
        output.Flush();

        Assert.Equal(["Successfully tagged x:1"], lines);
    }

    /// <summary>The messages the engine (20.10, legacy builder) sent for a pip install that found no distribution.</summary>
    [Fact]
    public void Stderr_lines_of_a_run_step_lose_their_colour_and_become_warnings_and_errors()
    {
        var lines = new List<(DeploymentLogLevel, string)>();
        var output = new BuildOutput((level, line) => lines.Add((level, line)));

        foreach (var stream in new[]
        {
            "Step 4/4 : RUN pip install --no-cache-dir -r requirements.txt gunicorn", "\n", " ---> Running in 3c9b418e9f7b\n",
            "Requirement already satisfied: gunicorn in /usr/lib/python3/dist-packages (20.1.0)\n",
            $"{Esc}[91mWARNING: Retrying (Retry(total=0)) after connection broken: /simple/django/\n{Esc}[0m",
            $"{Esc}[91mERROR: Could not find a version that satisfies the requirement django>=6.0 (from versions: none)\n{Esc}[0m",
            $"{Esc}[91mERROR: No matching distribution found for django>=6.0\n{Esc}[0m",
            "Removing intermediate container 3c9b418e9f7b\n",
        })
        {
            output.Handle(new JSONMessage { Stream = stream });
        }

        output.Handle(new JSONMessage
        {
            Error = new JSONError { Message = "The command '/bin/sh -c pip install --no-cache-dir -r requirements.txt gunicorn' returned a non-zero code: 1" },
        });

        Assert.Equal(
            [
                (DeploymentLogLevel.Info, "Step 4/4 : RUN pip install --no-cache-dir -r requirements.txt gunicorn"),
                (DeploymentLogLevel.Info, " ---> Running in 3c9b418e9f7b"),
                (DeploymentLogLevel.Info, "Requirement already satisfied: gunicorn in /usr/lib/python3/dist-packages (20.1.0)"),
                (DeploymentLogLevel.Warning, "WARNING: Retrying (Retry(total=0)) after connection broken: /simple/django/"),
                (DeploymentLogLevel.Error, "ERROR: Could not find a version that satisfies the requirement django>=6.0 (from versions: none)"),
                (DeploymentLogLevel.Error, "ERROR: No matching distribution found for django>=6.0"),
                (DeploymentLogLevel.Info, "Removing intermediate container 3c9b418e9f7b"),
                (DeploymentLogLevel.Error, "The command '/bin/sh -c pip install --no-cache-dir -r requirements.txt gunicorn' returned a non-zero code: 1"),
            ],
            lines);
        Assert.Equal(
            [
                new BuildLine(DeploymentLogLevel.Info, "Requirement already satisfied: gunicorn in /usr/lib/python3/dist-packages (20.1.0)"),
                new BuildLine(DeploymentLogLevel.Warning, "WARNING: Retrying (Retry(total=0)) after connection broken: /simple/django/"),
                new BuildLine(DeploymentLogLevel.Error, "ERROR: Could not find a version that satisfies the requirement django>=6.0 (from versions: none)"),
                new BuildLine(DeploymentLogLevel.Error, "ERROR: No matching distribution found for django>=6.0"),
            ],
            output.StepOutput);
    }

    [Fact]
    public void A_stderr_write_of_several_lines_marks_each_and_the_program_s_own_colours_do_not_end_it()
    {
        var lines = new List<(DeploymentLogLevel, string)>();
        var output = new BuildOutput((level, line) => lines.Add((level, line)));

        output.Handle(new JSONMessage { Stream = "Step 2/2 : RUN make\n" });
        output.Handle(new JSONMessage { Stream = $"{Esc}[91mTraceback (most recent call last):\n  File \"x.py\", line 1\n{Esc}[1;33mKeyError{Esc}[22m: 'x'\n{Esc}[0m" });
        output.Handle(new JSONMessage { Stream = "back on stdout\n" });
        output.Handle(new JSONMessage { Stream = $"error: stdout says so\n{Esc}]0;title{Esc}\\\n" });

        Assert.Equal(
            [
                (DeploymentLogLevel.Info, "Step 2/2 : RUN make"),
                (DeploymentLogLevel.Warning, "Traceback (most recent call last):"),
                (DeploymentLogLevel.Warning, "  File \"x.py\", line 1"),
                (DeploymentLogLevel.Warning, "KeyError: 'x'"),
                (DeploymentLogLevel.Info, "back on stdout"),
                (DeploymentLogLevel.Error, "error: stdout says so"),
            ],
            lines);
    }

    [Fact]
    public void A_new_step_starts_a_new_step_output_and_pull_progress_is_plain_text()
    {
        var lines = new List<string>();
        var output = new BuildOutput((_, line) => lines.Add(line));

        output.Handle(new JSONMessage { Stream = "Step 1/2 : RUN echo one\none\n" });
        output.Handle(new JSONMessage { Stream = "Step 2/2 : RUN echo two\ntwo\n" });
        output.Handle(new JSONMessage { ID = "abc", Status = $"Downloading {Esc}[1m50%{Esc}[0m" });

        Assert.Equal([new BuildLine(DeploymentLogLevel.Info, "two")], output.StepOutput);
        Assert.Equal("abc: Downloading 50%", lines[^1]);
    }
}
