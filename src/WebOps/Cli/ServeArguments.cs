namespace WebOps.Cli;

/// <summary>
/// Reads the usual way the panel is started (<c>webops</c>, <c>webops serve --data PATH --urls URL
/// --Section:Key=value</c>) without the command-line parser, so a running panel never loads it or builds the other
/// verbs (about 1 MB of code and metadata held for the panel's lifetime). Anything else, help, a verb, an unusual
/// spelling, returns null and goes to the parser, which then gives the same answer it always did.
/// </summary>
public static class ServeArguments
{
    private static readonly string[] ParserOptions = ["--data", "--urls", "--help", "--version"];

    /// <summary>
    /// The arguments serve passes to the host (<c>--data</c>, then <c>--urls</c>, then the configuration tokens in
    /// order), or null when <paramref name="args"/> is not plainly a serve command line.
    /// </summary>
    public static string[]? HostArgs(IReadOnlyList<string> args)
    {
        var start = args.Count > 0 && args[0] == "serve" ? 1 : 0;
        string? data = null, urls = null;
        var configuration = new List<string>();
        for (var i = start; i < args.Count; i++)
        {
            var token = args[i];
            if (token is "--data" or "--urls")
            {
                // The parser takes the next token as the value; one that looks like an option or is missing, or an
                // option given twice, is its to report.
                if (i + 1 >= args.Count || !IsPlainValue(args[i + 1]) || (token == "--data" ? data : urls) is not null)
                {
                    return null;
                }

                if (token == "--data")
                {
                    data = args[++i];
                }
                else
                {
                    urls = args[++i];
                }
            }
            else if (IsConfiguration(token))
            {
                configuration.Add(token);
            }
            else
            {
                return null;
            }
        }

        return
        [
            .. data is null ? [] : new[] { "--data", data },
            .. urls is null ? [] : new[] { "--urls", urls },
            .. configuration,
        ];
    }

    private static bool IsPlainValue(string value) => value.Length > 0 && !value.StartsWith('-') && !value.StartsWith('@');

    // --Section:Key=value: the parser splits a token at its first ':' or '=' only when what comes before names one of
    // its options (--data=PATH); such a token, and one without a value, stays with the parser.
    private static bool IsConfiguration(string token)
    {
        if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length < 3 || !token.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        var name = token[..token.IndexOfAny([':', '='])];
        return !ParserOptions.Contains(name, StringComparer.Ordinal);
    }
}
