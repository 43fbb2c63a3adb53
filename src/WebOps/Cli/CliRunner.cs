using System.CommandLine;

namespace WebOps.Cli;

/// <summary>
/// Parses and invokes a command tree the same way for the executable and for tests: usage errors are printed with
/// the verb's usage and exit 2 (the parser's own handler would print the whole help and exit 1), and a
/// <see cref="CliException"/> thrown by a verb is a usage error too.
/// </summary>
public static class CliRunner
{
    public static async Task<int> InvokeAsync(Command root, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var result = Parse(root, args);
        if (UsageError.Format(result) is { } error)
        {
            await stderr.WriteAsync(error);
            return ExitCodes.Usage;
        }

        try
        {
            return await result.InvokeAsync(Invocation(stdout, stderr));
        }
        catch (CliException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
    }

    public static int Invoke(Command root, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var result = Parse(root, args);
        if (UsageError.Format(result) is { } error)
        {
            stderr.Write(error);
            return ExitCodes.Usage;
        }

        try
        {
            return result.Invoke(Invocation(stdout, stderr));
        }
        catch (CliException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCodes.Usage;
        }
    }

    // No response files: a value such as a password may start with '@' and must not be read as a file name.
    private static ParseResult Parse(Command root, IReadOnlyList<string> args) =>
        root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    // Ctrl+C is left to each verb: serve's host shuts down gracefully on its own, and the parser's handler would end
    // the process after a fixed timeout, in the middle of that shutdown.
    private static InvocationConfiguration Invocation(TextWriter stdout, TextWriter stderr) => new()
    {
        Output = stdout,
        Error = stderr,
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = null,
    };
}
