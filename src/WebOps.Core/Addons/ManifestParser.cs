using WebOps.Core.Addons.Yaml;

namespace WebOps.Core.Addons;

/// <summary>Checks a parsed manifest's fields against the manifest reference (docs/addons.md).</summary>
internal static class ManifestParser
{
    private static readonly string[] Keys = ["name", "version", "description", "author", "requires", "secrets", "hooks"];

    /// <summary>Fills the addon's fields from the manifest; errors are returned without the file prefix.</summary>
    public static DiscoveredAddon Parse(ManifestNode? root, DiscoveredAddon addon, TimeSpan defaultTimeout, List<string> errors)
    {
        if (root is not ManifestMapping mapping)
        {
            errors.Add(root is null
                ? "the manifest is empty (name, version and hooks are expected)"
                : "the manifest should be a mapping of keys (name, version, hooks, ...)");
            return addon;
        }

        var fields = MappingFields.Read(mapping, "", Keys, errors);
        CheckName(fields, addon.Name);
        var version = fields.Text("version");
        if (version is null)
        {
            fields.Error("version", "is required (a semantic version such as 1.0.0)");
        }
        else if (!ManifestRules.IsSemVer(version))
        {
            fields.Error("version", $"{ManifestValue.Quote(version)} is not a semantic version (expected MAJOR.MINOR.PATCH such as 1.0.0, optionally with -prerelease or +build)");
        }

        return addon with
        {
            Version = version ?? "",
            Description = fields.Text("description") ?? "",
            Author = fields.Text("author") ?? "",
            Requires = ReadRequires(fields, errors),
            Secrets = fields.Boolean("secrets") ?? false,
            Hooks = ReadHooks(fields, addon, defaultTimeout, errors),
        };
    }

    private static void CheckName(MappingFields fields, string folderName)
    {
        var name = fields.Text("name");
        if (name is null)
        {
            fields.Error("name", $"is required (the folder name, '{folderName}')");
        }
        else if (!string.Equals(name, folderName, StringComparison.Ordinal))
        {
            fields.Error("name", $"{ManifestValue.Quote(name)} does not match folder '{folderName}'");
        }
        else if (!ManifestRules.IsValidName(name))
        {
            fields.Error("name", $"{ManifestValue.Quote(name)} should be a lowercase DNS label (a-z, 0-9 and '-', 1 to 63 characters, no '-' at either end); rename the folder and the name");
        }
    }

    private static List<string> ReadRequires(MappingFields fields, List<string> errors)
    {
        var requires = new List<string>();
        var node = fields.Node("requires");
        if (node is null)
        {
            return requires;
        }

        if (node is not ManifestSequence sequence)
        {
            fields.Error("requires", "should be a list of names, e.g. [docker]");
            return requires;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is ManifestScalar { IsNull: false } scalar && scalar.Value.Length > 0)
            {
                requires.Add(scalar.Value);
            }
            else
            {
                errors.Add($"requires[{i}]: should be a name, e.g. docker");
            }
        }

        return requires;
    }

    private static List<HookDefinition> ReadHooks(MappingFields fields, DiscoveredAddon addon, TimeSpan defaultTimeout, List<string> errors)
    {
        var hooks = new List<HookDefinition>();
        var node = fields.Node("hooks");
        if (node is null)
        {
            return hooks;
        }

        if (node is not ManifestSequence sequence)
        {
            fields.Error("hooks", "should be a list of hooks (each with event and handler or run)");
            return hooks;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (HookEntryParser.Parse(sequence.Items[i], i, addon.Name, addon.Folder, defaultTimeout, errors) is { } hook)
            {
                hooks.Add(hook);
            }
        }

        return hooks;
    }
}
