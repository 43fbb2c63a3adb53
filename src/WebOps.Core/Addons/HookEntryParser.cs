using WebOps.Core.Addons.Yaml;
using WebOps.Core.Hooks;

namespace WebOps.Core.Addons;

/// <summary>Checks one entry of a manifest's <c>hooks</c> list and turns it into a <see cref="HookDefinition"/>.</summary>
internal static class HookEntryParser
{
    private static readonly string[] Keys = ["event", "priority", "handler", "run", "timeout", "always"];

    /// <summary>Returns the hook, or null when the entry has errors (added to <paramref name="errors"/>).</summary>
    public static HookDefinition? Parse(
        ManifestNode node, int ordinal, string addon, string folder, TimeSpan defaultTimeout, List<string> errors)
    {
        var path = $"hooks[{ordinal}]";
        if (node is not ManifestMapping mapping)
        {
            errors.Add($"{path}: should be a mapping with event, priority and handler or run");
            return null;
        }

        var before = errors.Count;
        var fields = MappingFields.Read(mapping, path, Keys, errors);
        var hookEvent = ReadEvent(fields);
        var priority = fields.Integer("priority") ?? HookDefinition.DefaultPriority;
        var timeout = ReadTimeout(fields, defaultTimeout);
        var always = fields.Boolean("always") ?? false;
        if (always && hookEvent is not null and not HookEvent.PostDeployment)
        {
            fields.Error("always", "only post_deployment hooks can set it");
        }

        var (handler, run, runRelative) = ReadTarget(fields, path, folder, errors);
        if (errors.Count > before || hookEvent is null)
        {
            return null;
        }

        return new HookDefinition
        {
            Addon = addon,
            Event = hookEvent.Value,
            Priority = priority,
            Handler = handler,
            Run = run,
            RunRelative = runRelative,
            Timeout = timeout,
            Always = always,
            Ordinal = ordinal,
        };
    }

    private static HookEvent? ReadEvent(MappingFields fields)
    {
        var text = fields.Text("event");
        if (text is null)
        {
            fields.Error("event", "is required (pre_deployment, post_deployment or health_check)");
            return null;
        }

        if (HookEventNames.TryParse(text, out var hookEvent))
        {
            return hookEvent;
        }

        fields.Error("event", $"unknown event {ManifestValue.Quote(text)} (expected pre_deployment, post_deployment or health_check)");
        return null;
    }

    private static TimeSpan ReadTimeout(MappingFields fields, TimeSpan defaultTimeout)
    {
        var text = fields.Text("timeout");
        if (text is null)
        {
            return defaultTimeout;
        }

        var timeout = ManifestRules.ParseDuration(text);
        if (timeout is null)
        {
            fields.Error("timeout", $"{ManifestValue.Quote(text)} is not a duration (use 500ms, 30s, 2m, 1h or a number of seconds)");
        }
        else if (timeout <= TimeSpan.Zero)
        {
            fields.Error("timeout", "should be more than 0");
        }
        else if (timeout > ManifestRules.MaxHookTimeout)
        {
            fields.Error("timeout", $"{text} is over the 1h maximum");
        }

        return timeout ?? defaultTimeout;
    }

    private static (string? Handler, string? Run, string? RunRelative) ReadTarget(
        MappingFields fields, string path, string folder, List<string> errors)
    {
        if (fields.Has("handler") == fields.Has("run"))
        {
            errors.Add($"{path}: give exactly one of 'handler' or 'run'");
            return (null, null, null);
        }

        var handler = fields.Text("handler");
        if (handler is not null)
        {
            return (handler, null, null);
        }

        var run = fields.Text("run");
        if (run is null)
        {
            return (null, null, null);
        }

        var (full, error) = RunPathCheck.Resolve(folder, run);
        if (error is not null)
        {
            fields.Error("run", error);
        }

        return (null, full, run);
    }
}
