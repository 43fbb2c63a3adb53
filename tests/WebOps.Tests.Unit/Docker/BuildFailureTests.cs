using WebOps.Addons.Docker.Build;
using WebOps.Core.Deployments;

namespace WebOps.Tests.Unit.Docker;

public sealed class BuildFailureTests
{
    private const string Step = "Step 4/4 : RUN pip install --no-cache-dir -r requirements.txt gunicorn";
    private const string EngineError = "The command '/bin/sh -c pip install --no-cache-dir -r requirements.txt gunicorn' returned a non-zero code: 1";

    [Fact]
    public void The_step_s_error_lines_are_the_cause()
    {
        BuildLine[] output =
        [
            new(DeploymentLogLevel.Info, "Collecting gunicorn"),
            new(DeploymentLogLevel.Warning, "WARNING: Retrying (Retry(total=0)) after connection broken: /simple/django/"),
            new(DeploymentLogLevel.Error, "ERROR: Could not find a version that satisfies the requirement django>=6.0 (from versions: none)"),
            new(DeploymentLogLevel.Error, "ERROR: No matching distribution found for django>=6.0"),
        ];

        Assert.Equal(
            $"Build of 'blog' failed at {Step}: {EngineError}\n"
            + "Error lines of the step:\n"
            + "ERROR: Could not find a version that satisfies the requirement django>=6.0 (from versions: none)\n"
            + "ERROR: No matching distribution found for django>=6.0",
            BuildFailure.Describe("blog", Step, EngineError, output));
    }

    [Fact]
    public void Without_error_lines_the_last_stderr_lines_are_the_cause()
    {
        BuildLine[] output =
        [
            new(DeploymentLogLevel.Info, "Running collectstatic"),
            new(DeploymentLogLevel.Warning, "Traceback (most recent call last):"),
            new(DeploymentLogLevel.Warning, "django.core.exceptions.ImproperlyConfigured: STATIC_ROOT is not set"),
            new(DeploymentLogLevel.Info, "cleanup done"),
        ];

        Assert.Equal(
            "Build of 'blog' failed at Step 7/9 : RUN python manage.py collectstatic --noinput: code 1\n"
            + "Last stderr lines of the step:\n"
            + "Traceback (most recent call last):\n"
            + "django.core.exceptions.ImproperlyConfigured: STATIC_ROOT is not set",
            BuildFailure.Describe("blog", "Step 7/9 : RUN python manage.py collectstatic --noinput", "code 1", output));
    }

    [Fact]
    public void Without_stderr_the_last_ten_output_lines_are_the_cause()
    {
        var output = Enumerable.Range(1, 12).Select(i => new BuildLine(DeploymentLogLevel.Info, $"line {i}")).ToList();

        var (title, lines) = BuildFailure.Cause(output);

        Assert.Equal("Last output lines of the step", title);
        Assert.Equal(Enumerable.Range(3, 10).Select(i => $"line {i}"), lines);
    }

    [Fact]
    public void A_step_without_output_and_a_build_without_error_say_what_is_known()
    {
        Assert.Equal(
            "Build of 'site' failed at Step 2/2 : COPY missing /www/: COPY failed: file not found in build context",
            BuildFailure.Describe("site", "Step 2/2 : COPY missing /www/", "COPY failed: file not found in build context", []));
        Assert.Equal(
            "Build of 'site' failed: the engine reported no error, but the image was not created",
            BuildFailure.Describe("site", null, null, []));
    }

    [Fact]
    public void Long_lines_are_cut_and_the_newest_lines_fit_the_budget()
    {
        var output = Enumerable.Range(1, 10).Select(i => new BuildLine(DeploymentLogLevel.Error, $"error: {i} " + new string('x', 400))).ToList();

        var (_, lines) = BuildFailure.Cause(output);
        var message = BuildFailure.Describe("blog", "Step 1/1 : RUN " + new string('c', 500), "code 1", output);

        Assert.Equal(["error: 8 ", "error: 9 ", "error: 10 "], lines.Select(l => l[..l.IndexOf('x', StringComparison.Ordinal)]));
        Assert.All(lines, l => Assert.Equal(300, l.Length));
        Assert.EndsWith("…", lines[^1], StringComparison.Ordinal);
        Assert.True(message.Length < 2000, $"{message.Length} characters");
        Assert.Contains("RUN " + new string('c', 184) + "…: code 1\n", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unable to find image \"sha256:56dff8af0a738a23892577f578b5dff2f2265ae349d53557e79082ebf18fc27d\"", "sha256:56dff8af0a738a23892577f578b5dff2f2265ae349d53557e79082ebf18fc27d")]
    [InlineData("unable to find image \"sha256:56dff8af0a738a23892577f578b5dff2f2265ae349d53557e79082ebf18fc27d\": open /var/lib/docker/image: no such file", "sha256:56dff8af0a738a23892577f578b5dff2f2265ae349d53557e79082ebf18fc27d")]
    [InlineData("pull access denied for nginx, repository does not exist: unable to find image \"sha256:56dff8af0a738a23892577f578b5dff2f2265ae349d53557e79082ebf18fc27d\"", null)]
    [InlineData("unable to find image \"nginx:alpine\"", null)]
    [InlineData(EngineError, null)]
    [InlineData(null, null)]
    public void Only_a_cache_image_vanishing_mid_build_is_worth_building_again(string? error, string? image) =>
        Assert.Equal(image, BuildFailure.VanishedCacheImage(error));
}
