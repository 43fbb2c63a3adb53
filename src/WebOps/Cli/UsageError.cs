using System.CommandLine;
using System.CommandLine.Parsing;

namespace WebOps.Cli;

/// <summary>The text of a usage error: what is wrong (naming the option or verb), the verb's usage, where help is.</summary>
public static class UsageError
{
    /// <summary>Null when the command line is fine, or asks for help or completions.</summary>
    public static string? Format(ParseResult result)
    {
        if (result.Action is { ClearsParseErrors: true })
        {
            return null;
        }

        var problems = result.Errors.Select(Describe).ToList();
        var command = result.CommandResult.Command;
        if (command is RootCommand && result.UnmatchedTokens is [var first, ..] && !first.StartsWith('-'))
        {
            // The root runs serve and passes unknown options on as configuration; a bare word is a mistyped verb.
            problems.Insert(0, $"Unknown verb '{first}'.");
        }
        else if (command.TreatUnmatchedTokensAsErrors)
        {
            // The parser leaves unmatched tokens to the root's setting, which is off for serve's configuration
            // options; every other verb refuses what it does not know.
            problems.AddRange(result.UnmatchedTokens.Select(t => t.StartsWith('-') ? $"Unknown option '{t}'." : $"Unexpected argument '{t}'."));
        }

        if (problems.Count == 0)
        {
            return null;
        }

        var path = CommandPath(result.CommandResult);
        var text = new System.Text.StringBuilder();
        foreach (var problem in problems.Distinct())
        {
            text.Append(path).Append(": ").AppendLine(problem);
        }

        if (result.CommandResult.Command is Verb verb)
        {
            text.Append("Usage: ").AppendLine(verb.Usage);
        }

        text.Append("Run `").Append(path).AppendLine(" --help` for more.");
        return text.ToString();
    }

    /// <summary>The parser's message, led by the option it is about when it does not name it already.</summary>
    private static string Describe(ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            _ => null,
        };
        return option is null || error.Message.Contains(option.Name, StringComparison.Ordinal) ? error.Message : $"{option.Name}: {error.Message}";
    }

    /// <summary>"webops token create": the executable and the verbs that were typed.</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? r = command; r is CommandResult c; r = c.Parent)
        {
            if (c.Command is not RootCommand)
            {
                names.Insert(0, c.Command.Name);
            }
        }

        return string.Join(' ', ["webops", .. names]);
    }
}
