namespace WebOps.Cli;

/// <summary>Tiny option reader: <c>--name value</c> and <c>--flag</c>; everything else is positional.</summary>
public sealed class CliArgs
{
    private static readonly HashSet<string> Flags = ["--hooks", "--json", "--reveal-env"];
    private readonly Dictionary<string, string?> options = [];
    private readonly List<string> positional = [];

    public CliArgs(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = a.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    options[a[..eq]] = a[(eq + 1)..];
                }
                else if (Flags.Contains(a) || i + 1 >= args.Count)
                {
                    options[a] = null;
                }
                else
                {
                    options[a] = args[++i];
                }
            }
            else
            {
                positional.Add(a);
            }
        }
    }

    public IReadOnlyList<string> Positional => positional;

    public bool Has(string option) => options.ContainsKey(option);

    public string? Get(string option) => options.GetValueOrDefault(option);

    public string Require(string option, string usage) =>
        Get(option) is { Length: > 0 } v ? v : throw new CliException($"{option} is required. Usage: {usage}");

    /// <summary>Host arguments (data folder, urls) to pass on to the panel's builder.</summary>
    public string[] HostArgs() =>
        [.. options.Where(kv => kv.Key is "--data" or "--urls" && kv.Value is not null).SelectMany(kv => new[] { kv.Key, kv.Value! })];
}
