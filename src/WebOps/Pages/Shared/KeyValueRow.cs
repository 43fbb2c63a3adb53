namespace WebOps.Pages.Shared;

/// <summary>One row of a key/value editor (env vars, build args) as typed in the form.</summary>
public sealed record KeyValueRow(string Key, string Value)
{
    public static readonly KeyValueRow Blank = new("", "");

    public bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Value);
}
