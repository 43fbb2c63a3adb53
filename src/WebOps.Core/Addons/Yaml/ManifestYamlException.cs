namespace WebOps.Core.Addons.Yaml;

/// <summary>The manifest is not YAML the panel accepts; the message already carries line and column.</summary>
internal sealed class ManifestYamlException : Exception
{
    public ManifestYamlException()
    {
    }

    public ManifestYamlException(string message)
        : base(message)
    {
    }

    public ManifestYamlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static ManifestYamlException At(long line, long column, string message) =>
        new($"line {line}, column {column}: {message}");
}
