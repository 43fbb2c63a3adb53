using System.CommandLine;

namespace WebOps.Cli;

/// <summary>Options several verbs share; a new instance per verb, since help lists each under its own verb.</summary>
public static class CommonOptions
{
    public static Option<string?> Data() => new("--data")
    {
        Description = "The data folder (database, keys, checkouts); default WEBOPS_DATA, else ./data",
        HelpName = "PATH",
    };

    /// <summary>Fails the parse with "--name is required." when <paramref name="option"/> is absent or empty.</summary>
    public static void Require(Command command, Option<string?> option) =>
        command.Validators.Add(result =>
        {
            if (string.IsNullOrEmpty(result.GetValue(option)))
            {
                result.AddError($"{option.Name} is required.");
            }
        });

    /// <summary>
    /// A positional argument that is never an option: the parser would take an unknown <c>--flag</c> as the value of
    /// an optional argument, and the error would then be about something else.
    /// </summary>
    public static Argument<T> Positional<T>(string name, string description, ArgumentArity? arity = null)
    {
        var argument = new Argument<T>(name) { Description = description };
        if (arity is { } a)
        {
            argument.Arity = a;
        }

        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"Unknown option '{token.Value}'.");
            }
        });
        return argument;
    }
}
