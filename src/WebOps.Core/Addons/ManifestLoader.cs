using System.Security.Cryptography;
using System.Text;
using WebOps.Core.Addons.Yaml;

namespace WebOps.Core.Addons;

/// <summary>Loads one addon folder: finds the manifest, bounds its size, parses it and prefixes every error with its path.</summary>
internal static class ManifestLoader
{
    public const string ManifestFileName = "addon.yaml";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="folder">The addon folder (absolute).</param>
    /// <param name="displayFolder">The folder as shown in messages, e.g. <c>addons/slack</c>.</param>
    public static async Task<DiscoveredAddon> LoadAsync(string folder, string displayFolder, TimeSpan defaultTimeout, CancellationToken ct)
    {
        var manifestPath = Path.Combine(folder, ManifestFileName);
        var addon = new DiscoveredAddon
        {
            Name = Path.GetFileName(folder),
            Folder = folder,
            ManifestPath = manifestPath,
            DisplayPath = $"{displayFolder}/{ManifestFileName}",
        };

        if (!File.Exists(manifestPath))
        {
            return addon with { Errors = [$"{displayFolder}: {MissingManifestMessage(folder)}"] };
        }

        var errors = new List<string>();
        var length = new FileInfo(manifestPath).Length;
        if (length > ManifestRules.MaxManifestBytes)
        {
            errors.Add(TooBig(length));
            return WithErrors(addon, errors);
        }

        var bytes = await File.ReadAllBytesAsync(manifestPath, ct);
        addon = addon with { Checksum = Convert.ToHexStringLower(SHA256.HashData(bytes)) };
        if (bytes.Length > ManifestRules.MaxManifestBytes)
        {
            errors.Add(TooBig(bytes.Length));
            return WithErrors(addon, errors);
        }

        ManifestNode? root;
        try
        {
            root = ManifestYamlReader.Read(StrictUtf8.GetString(bytes).TrimStart('\uFEFF'));
        }
        catch (DecoderFallbackException)
        {
            errors.Add("the manifest is not valid UTF-8 text; save it as UTF-8");
            return WithErrors(addon, errors);
        }
        catch (ManifestYamlException ex)
        {
            errors.Add(ex.Message);
            return WithErrors(addon, errors);
        }

        addon = ManifestParser.Parse(root, addon, defaultTimeout, errors);
        return WithErrors(addon, errors);
    }

    private static string MissingManifestMessage(string folder)
    {
        if (File.Exists(Path.Combine(folder, "addon.yml")))
        {
            return "found addon.yml; the manifest must be named addon.yaml.";
        }

        if (File.Exists(Path.Combine(folder, "addon.json")))
        {
            return "found addon.json, but manifests must be YAML: rename it to addon.yaml and write it in YAML.";
        }

        return "no addon.yaml found (required).";
    }

    private static string TooBig(long length) =>
        $"the manifest is {length} bytes, over the {ManifestRules.MaxManifestBytes} byte (64 KiB) limit; keep it short and put scripts in files beside it";

    private static DiscoveredAddon WithErrors(DiscoveredAddon addon, List<string> errors) =>
        addon with { Errors = errors.Select(e => $"{addon.DisplayPath}: {e}").ToList() };
}
