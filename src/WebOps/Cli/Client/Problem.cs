namespace WebOps.Cli.Client;

/// <summary>The API's ProblemDetails answer: a title, the detail to show, and per-field errors for validation.</summary>
public sealed record Problem(string? Title, string? Detail, int? Status, IReadOnlyDictionary<string, string[]>? Errors)
{
    /// <summary>The detail as the API wrote it, then each field error as <c>field: message</c>.</summary>
    public string Describe()
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(Detail) || !string.IsNullOrWhiteSpace(Title))
        {
            lines.Add(string.IsNullOrWhiteSpace(Detail) ? Title! : Detail!);
        }

        foreach (var (field, messages) in Errors ?? new Dictionary<string, string[]>())
        {
            lines.AddRange(messages.Select(m => $"{field}: {m}").Where(l => !lines.Any(d => d.Contains(l, StringComparison.Ordinal))));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
