using System.Text.Encodings.Web;
using Fluid;
using WebOps.Core.Resources;

namespace WebOps.Core.Systemd;

/// <summary>
/// Renders systemd units from the Liquid templates <c>docker.service</c> and <c>app.service</c>. Values are
/// checked and quoted here, before they reach a template, so a template cannot write them unsafely.
/// Thread-safe; each template is read and parsed once, on first use.
/// </summary>
public sealed class SystemdUnitRenderer
{
    public const string DockerTemplate = "docker.service";
    public const string AppTemplate = "app.service";

    private static readonly FluidParser Parser = new();

    private readonly SystemdRenderOptions _options;
    private readonly TemplateOptions _templateOptions = new() { StrictVariables = true };
    private readonly Lazy<IFluidTemplate> _docker;
    private readonly Lazy<IFluidTemplate> _app;

    public SystemdUnitRenderer(SystemdRenderOptions? options = null)
    {
        _options = options ?? new SystemdRenderOptions();
        _docker = new(() => Load(DockerTemplate));
        _app = new(() => Load(AppTemplate));
    }

    /// <summary>The unit that runs a Docker deployment's container in the foreground.</summary>
    /// <exception cref="ArgumentException">The name, docker path or an argument cannot be written to a unit.</exception>
    public string RenderDockerUnit(DockerUnitModel model)
    {
        var name = UnitValues.Name(model.Name);
        var docker = UnitValues.Executable(_options.DockerPath, "Docker path option");
        var context = new TemplateContext(_templateOptions);
        context.SetValue("name", name);
        context.SetValue("container", $"webops-{name}");
        context.SetValue("docker", docker);
        context.SetValue("env_file", UnitValues.EnvFileArgument(model.EnvironmentFile, name));
        context.SetValue("run_args", UnitValues.Arguments(model.RunArguments, $"docker run argument for '{name}'"));
        return _docker.Value.Render(context, NullEncoder.Default);
    }

    /// <summary>Both files a Docker deployment's unit install writes: the unit and its env file.</summary>
    /// <exception cref="ArgumentException">A value cannot be written to either file (see the message for which and why).</exception>
    public UnitFiles RenderDocker(DockerUnitModel model) => new(RenderDockerUnit(model), RenderDockerEnvironmentFile(model));

    /// <summary>Both files a process app's unit install writes: the unit and its environment file.</summary>
    /// <exception cref="ArgumentException">A value cannot be written to either file (see the message for which and why).</exception>
    public UnitFiles RenderApp(AppUnitModel model) => new(RenderAppUnit(model), RenderAppEnvironmentFile(model));

    /// <summary>The env file <c>docker run --env-file</c> reads for the unit of <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">A variable cannot be written in Docker's env-file format (see the message).</exception>
    public static string RenderDockerEnvironmentFile(DockerUnitModel model) =>
        EnvironmentFiles.Docker(UnitValues.Name(model.Name), model.Environment);

    /// <summary>The environment file the app unit of <paramref name="model"/> reads.</summary>
    /// <exception cref="ArgumentException">A variable cannot be written to a systemd environment file (see the message).</exception>
    public static string RenderAppEnvironmentFile(AppUnitModel model) =>
        EnvironmentFiles.Systemd(UnitValues.Name(model.Name), model.Environment);

    /// <summary>The unit that runs an app as a plain process.</summary>
    /// <exception cref="ArgumentException">A value cannot be written to a unit (see the message for which and why).</exception>
    public string RenderAppUnit(AppUnitModel model)
    {
        var name = UnitValues.Name(model.Name);
        if (model.Command.Count == 0)
        {
            throw new ArgumentException($"App '{name}' has no command to start. Give the program and its arguments.", nameof(model));
        }

        var program = UnitValues.Executable(model.Command[0], $"Program of app '{name}'");
        var arguments = UnitValues.Arguments(model.Command.Skip(1).ToList(), $"Argument of app '{name}'");
        var context = new TemplateContext(_templateOptions);
        context.SetValue("name", name);
        context.SetValue("working_directory", UnitValues.PathValue(model.WorkingDirectory, "Working directory", name));
        context.SetValue("env_file", UnitValues.PathValue(model.EnvironmentFile, "Environment file", name));
        context.SetValue("user", model.User is null ? "" : UnitValues.User(model.User, name));
        context.SetValue("command", new[] { program }.Concat(arguments).ToList());
        context.SetValue("start_limits", UnitDirectives.StartLimits(model.Resources));
        context.SetValue("restart", UnitDirectives.Restart(model.Resources));
        context.SetValue("limits", UnitDirectives.Limits(model.Resources));
        return _app.Value.Render(context, NullEncoder.Default);
    }

    // Two small local files read once: a synchronous read keeps the renderer a plain singleton usable from
    // the web host and the CLI alike, and rendering itself stays a pure function afterwards.
    private IFluidTemplate Load(string fileName)
    {
        var path = Path.Combine(_options.TemplatesDirectory, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"systemd template '{fileName}' not found in '{_options.TemplatesDirectory}'. Reinstall WebOps "
                + "(templates/systemd ships next to the program) or point the templates directory option at it.",
                path);
        }

        if (!Parser.TryParse(File.ReadAllText(path), out var template, out var error))
        {
            throw new InvalidOperationException($"systemd template '{path}' is not valid Liquid: {error}. Fix the template.");
        }

        return template;
    }
}
