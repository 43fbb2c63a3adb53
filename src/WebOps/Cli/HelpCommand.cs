using System.CommandLine;

namespace WebOps.Cli;

/// <summary><c>webops help [VERB...]</c>: the same as <c>webops [VERB...] --help</c>, for those who type it that way.</summary>
public static class HelpCommand
{
    public static Command Create(RootCommand root)
    {
        var help = new Command("help", "Show help for the executable or a verb") { Hidden = true };
        var verbs = new Argument<string[]>("VERB") { Arity = ArgumentArity.ZeroOrMore };
        help.Arguments.Add(verbs);
        help.SetAction(result => root.Parse([.. result.GetValue(verbs) ?? [], "--help"]).Invoke(new InvocationConfiguration
        {
            Output = result.InvocationConfiguration.Output,
            Error = result.InvocationConfiguration.Error,
        }));
        return help;
    }
}
