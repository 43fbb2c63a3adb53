using WebOps.Core.Addons;
using WebOps.Core.Hooks;

namespace WebOps.Api;

public sealed record HookDto(int? Order, string Event, string Addon, int Priority, string? Handler, string? Run, double TimeoutSeconds, bool Always)
{
    public static HookDto From(HookDefinition h, int? order) => new(
        order, EventName(h.Event), h.Addon, h.Priority, h.Handler, h.Run is null ? null : Path.GetFileName(h.Run), h.Timeout.TotalSeconds, h.Always);

    public static string EventName(HookEvent e) => e switch
    {
        HookEvent.PreDeployment => "pre_deployment",
        HookEvent.PostDeployment => "post_deployment",
        _ => "health_check",
    };
}
