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
}
