using WebOps.Pages.Shared;

namespace WebOps.Pages.Deployments;

/// <summary>
/// A repeated-row editor: key/value rows (<see cref="KeyValues"/>) or single values (<see cref="Values"/>).
/// Without JavaScript the blank rows rendered here are the only way to add entries, so there are always some.
/// </summary>
public sealed record RowsEditor(
    string Field, string Title, string Help, FormErrors Errors, string AddLabel,
    IReadOnlyList<KeyValueRow>? KeyValues = null, IReadOnlyList<string>? Values = null,
    string KeyHint = "NAME", string ValueHint = "value", int MinRows = 3)
{
    public bool IsKeyValue => KeyValues is not null;

    /// <summary>The typed rows, then blank rows up to <see cref="MinRows"/> and at least one.</summary>
    public int RowCount => Math.Max(MinRows, Count + 1);

    public int Count => KeyValues?.Count ?? Values?.Count ?? 0;

    public KeyValueRow KeyValueAt(int i) => KeyValues is { } kv && i < kv.Count ? kv[i] : KeyValueRow.Blank;

    public string ValueAt(int i) => Values is { } v && i < v.Count ? v[i] : "";
}
