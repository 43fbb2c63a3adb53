using WebOps.Cli;
using WebOps.Hosting;

// The panel's own start (webops, webops serve --data PATH ...) runs without the command-line parser, which a server
// would otherwise keep loaded for nothing; every other command line goes through it.
if (ServeArguments.HostArgs(args) is { } hostArgs)
{
    await WebOpsApp.Build(hostArgs).RunAsync();
    return ExitCodes.Ok;
}

return await CommandLine.RunAsync(args);

/// <summary>The entry point; public so tests can name the assembly's host.</summary>
public partial class Program;
