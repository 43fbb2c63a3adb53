using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Api;
using WebOps.Core.Addons;
using WebOps.Pages.Shared;

namespace WebOps.Pages.Addons;

/// <summary>The addons found at start-up, their hooks in run order, and a switch for each.</summary>
public sealed class IndexModel(AddonRegistry registry, WebOps.Addons.Docker.Compose.ComposeCliLocator compose) : PageModel
{
    private static readonly string[] EventOrder = ["pre_deployment", "post_deployment", "health_check"];

    public IReadOnlyList<AddonDto> Addons { get; private set; } = [];

    /// <summary>A hook's timeout as the table shows it: whole minutes as "2 min", else seconds.</summary>
    public static string Seconds(double s) => s >= 60 && s % 60 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{s / 60:0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{s:0.#} s");

    /// <summary>What a hook runs: its built-in handler, or its command.</summary>
    public static string Target(HookDto h) => h.Handler is not null ? h.Handler : $"run {h.Run}";

    /// <summary>Hooks of enabled, valid addons as they will run, event by event.</summary>
    public IReadOnlyList<HookDto> RunOrder { get; private set; } = [];

    /// <summary>The Compose CLI the Docker addon runs for Compose deployments, or "not installed".</summary>
    public string ComposeCli { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        ComposeCli = (await compose.FindAsync(ct))?.Describe() ?? "not installed";
        Addons = [.. registry.Addons.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => AddonDto.From(a, registry.IsEnabled(a.Name)))];
        RunOrder = [.. AddonsApi.HookOrder(registry)];
    }

    /// <summary>An addon's own hooks by event, then priority; the manifest order breaks ties (the sort is stable).</summary>
    public static IEnumerable<HookDto> InRunOrder(IEnumerable<HookDto> hooks) =>
        hooks.OrderBy(h => Array.IndexOf(EventOrder, h.Event)).ThenBy(h => h.Priority);

    public async Task<IActionResult> OnPostToggleAsync(string name, bool enabled, CancellationToken ct)
    {
        if (!registry.Addons.Any(a => a.Name == name))
        {
            TempData.Error($"No addon named '{name}'. The list below shows the addons found at start-up.");
            return RedirectToPage();
        }

        await registry.SetEnabledAsync(name, enabled, ct);
        TempData.Success($"{(enabled ? "Enabled" : "Disabled")} the addon '{name}'. New deploys use the change.");
        return RedirectToPage();
    }
}
