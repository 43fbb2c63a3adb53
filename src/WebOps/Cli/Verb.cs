using System.CommandLine;
using System.Diagnostics.CodeAnalysis;

namespace WebOps.Cli;

/// <summary>A command with a one-line usage, printed under a usage error so the fix is in sight.</summary>
[SuppressMessage("Design", "CA1010", Justification = "Command is IEnumerable only for collection initializers; Verb adds nothing to enumerate.")]
public sealed class Verb(string name, string description, string usage) : Command(name, description)
{
    public string Usage { get; } = usage;
}
