namespace WebOps.Webhooks;

/// <summary>The rule for a correctly signed delivery: only a push to the deployment's own branch deploys, and only with auto deploy on.</summary>
public static class HookDecision
{
    public const string AutoDeployOff = "auto deploy is off";

    public static HookVerdict Decide(DeliveryEvent e, string branch, bool autoDeploy)
    {
        if (!autoDeploy)
        {
            return new(false, $"{AutoDeployOff}: turn on 'Deploy on push' (auto_deploy) to deploy '{branch}' on push", e.Kind == DeliveryKind.Push ? e.Ref : null);
        }

        return e.Kind switch
        {
            DeliveryKind.Ping => new(false, $"ping: the hook works; pushes to '{branch}' deploy", null),
            DeliveryKind.Tag => new(false, $"tag '{e.Ref}' is not a branch; pushes to '{branch}' deploy", null),
            DeliveryKind.Other when e.Ref is not null => new(false, $"ref '{e.Ref}' is neither a branch nor a tag; pushes to '{branch}' deploy", null),
            DeliveryKind.Other => new(false, $"event '{e.Event}' is not a push; pushes to '{branch}' deploy", null),
            _ when e.Ref is { } pushed && pushed != branch => new(false, $"push to '{pushed}'; this deployment deploys '{branch}'", pushed),
            _ when e.Deleted => new(false, $"branch '{branch}' was deleted; nothing to deploy", branch),
            _ => new(true, e.Commit is { Length: >= 7 } c ? $"push to '{branch}' ({c[..7]})" : $"push to '{branch}'", branch),
        };
    }
}
