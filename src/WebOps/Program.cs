using WebOps.Cli;

return await CommandLine.RunAsync(args);

/// <summary>The entry point; public so tests can name the assembly's host.</summary>
public partial class Program;
