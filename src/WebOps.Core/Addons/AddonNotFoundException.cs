namespace WebOps.Core.Addons;

/// <summary>Thrown when an operation names an addon that discovery did not find.</summary>
public sealed class AddonNotFoundException : Exception
{
    public AddonNotFoundException()
    {
    }

    public AddonNotFoundException(string message)
        : base(message)
    {
    }

    public AddonNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static AddonNotFoundException For(string name, IEnumerable<string> known)
    {
        var names = string.Join(", ", known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var list = names.Length == 0 ? "none were discovered" : $"known: {names}";
        return new($"No addon named '{name}' ({list}). Check the name with 'webops addons list'.");
    }
}
