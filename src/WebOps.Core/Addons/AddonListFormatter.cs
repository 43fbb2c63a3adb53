using System.Globalization;
using System.Text;
using WebOps.Core.Hooks;

namespace WebOps.Core.Addons;

/// <summary>
/// The text of <c>webops addons list [--hooks]</c>: one line per addon (name, version, state, description),
/// its errors when invalid, and with <c>--hooks</c> one line per hook in manifest order.
/// </summary>
public static class AddonListFormatter
{
    public static string Format(IReadOnlyList<DiscoveredAddon> addons, Func<string, bool> isEnabled, bool withHooks)
    {
        if (addons.Count == 0)
        {
            return "No addons found.\n";
        }

        var text = new StringBuilder();
        var width = addons.Max(a => a.Name.Length);
        foreach (var addon in addons)
        {
            var state = !addon.IsValid ? "invalid" : isEnabled(addon.Name) ? "enabled" : "disabled";
            var version = addon.Version.Length > 0 ? addon.Version : "-";
            var line = string.Create(CultureInfo.InvariantCulture, $"{addon.Name.PadRight(width)}  {version,-10}  {state,-8}  {addon.Description}");
            text.Append(line.TrimEnd()).Append('\n');
            foreach (var error in addon.Errors)
            {
                text.Append("    error: ").Append(error).Append('\n');
            }

            if (withHooks)
            {
                foreach (var hook in addon.Hooks)
                {
                    text.Append(CultureInfo.InvariantCulture, $"    {hook.Event.ToName(),-15}  priority {hook.Priority,-4}  timeout {ManifestRules.FormatDuration(hook.Timeout),-5}  {hook.Target}");
                    text.Append(hook.Always ? "  always\n" : "\n");
                }
            }
        }

        return text.ToString();
    }
}
