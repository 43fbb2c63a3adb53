using WebOps.Core.Hooks;

namespace WebOps.Core.Addons;

/// <summary>
/// The checklist behind <c>webops addons verify NAME</c>. Works from the files on disk (it re-runs discovery),
/// so an operator can check an addon before restarting the panel.
/// </summary>
public sealed class AddonVerifier(
    AddonDiscovery discovery,
    IEnumerable<IHookHandler> handlers,
    IEnumerable<IRequirementCheck> requirements)
{
    /// <summary>How long one requirement check may take.</summary>
    public static readonly TimeSpan RequirementTimeout = TimeSpan.FromSeconds(15);

    private readonly HashSet<string> handlerNames = handlers.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyList<VerifyCheck>> VerifyAsync(string name, CancellationToken ct)
    {
        var found = (await discovery.DiscoverAsync(ct)).Where(a => a.Name == name).ToList();
        if (found.Count == 0)
        {
            return [new(false, $"manifest found: no addon folder named '{name}' in {string.Join(", ", discovery.Roots)}")];
        }

        var addon = found[0];
        if (!File.Exists(addon.ManifestPath))
        {
            return [.. addon.Errors.Select(e => new VerifyCheck(false, $"manifest found: {e}"))];
        }

        var checks = new List<VerifyCheck> { new(true, $"manifest found: {addon.DisplayPath}") };
        var errors = found.SelectMany(a => a.Errors).ToList();
        checks.Add(errors.Count == 0
            ? new(true, $"manifest valid: {addon.Name} {addon.Version}, {Count(addon.Hooks.Count, "hook")}")
            : new(false, $"manifest valid: {Count(errors.Count, "error")}"));
        checks.AddRange(errors.Select(e => new VerifyCheck(false, e)));
        checks.AddRange(addon.Hooks.Where(h => h.Run is not null).Select(RunFileCheck));
        checks.AddRange(addon.Hooks.Where(h => h.Handler is not null).Select(HandlerCheck));
        foreach (var requirement in addon.Requires)
        {
            checks.Add(await RequirementCheckAsync(requirement, ct));
        }

        return checks;
    }

    private static VerifyCheck RunFileCheck(HookDefinition hook)
    {
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var path = hook.Run!;
        var label = $"hooks[{hook.Ordinal}].run";
        if (!File.Exists(path))
        {
            return new(false, $"{label}: '{hook.RunRelative}' not found in the addon folder");
        }

        return OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & anyExecute) != 0
            ? new(true, $"{label}: {hook.RunRelative} is present and executable")
            : new(false, $"{label}: '{hook.RunRelative}' is not executable (chmod +x it)");
    }

    private VerifyCheck HandlerCheck(HookDefinition hook) =>
        handlerNames.Contains(hook.Handler!)
            ? new(true, $"hooks[{hook.Ordinal}].handler: {hook.Handler} is registered")
            : new(false, $"hooks[{hook.Ordinal}].handler: no built-in handler named {ManifestValue.Quote(hook.Handler)}");

    private async Task<VerifyCheck> RequirementCheckAsync(string requirement, CancellationToken ct)
    {
        var check = requirements.FirstOrDefault(r => r.Name == requirement);
        if (check is null)
        {
            var known = string.Join(", ", requirements.Select(r => r.Name).Order(StringComparer.Ordinal));
            return new(false, $"requires {requirement}: unknown requirement (known: {(known.Length == 0 ? "none" : known)})");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(RequirementTimeout);
        try
        {
            var result = await check.CheckAsync(limit.Token);
            return result with { Text = $"requires {requirement}: {result.Text}" };
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(false, $"requires {requirement}: no answer within {RequirementTimeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new(false, $"requires {requirement}: the check failed: {ex.Message}");
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
