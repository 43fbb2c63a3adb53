using WebOps.Cli;

return await CommandLine.RunAsync(args);
