using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Core.Proxy;

namespace WebOps.Proxy;

/// <summary>
/// What the panel last learned about the edge proxy, for <c>/healthz</c> and for deploys that need it:
/// <c>ok</c>, <c>not answering</c>, <c>not installed</c> or <c>disabled</c>; <c>checking</c> until the proxy service
/// has asked Caddy once (it starts after the server listens), so nothing is claimed before it was looked at.
/// </summary>
public sealed class ProxyStatus(IOptions<ProxyOptions> options)
{
    public const string Ok = "ok";
    public const string NotAnswering = "not answering";
    public const string NotInstalled = "not installed";
    public const string Disabled = "disabled";
    public const string Checking = "checking";

    private volatile string? text;

    public string Text => text ?? Initial();

    public void Set(string value) => text = value;

    /// <summary>Why a deploy of <paramref name="d"/> cannot give it its domains, or null when nothing stands in the way.</summary>
    public string? DeployRefusal(Deployment d)
    {
        if (d.Domains.Count == 0 || Text != NotInstalled)
        {
            return null;
        }

        return $"'{d.Name}' has domains ({string.Join(", ", d.Domains)}), but the edge proxy Caddy is not installed: " +
            $"'{options.Value.CaddyPath}' was not found. Install it with `apt-get install caddy` (or set Proxy:CaddyPath), " +
            "or remove the domains, then redeploy.";
    }

    private string Initial() => !options.Value.Enabled ? Disabled
        : CaddyLauncher.Find(options.Value.CaddyPath) is null ? NotInstalled
        : Checking;
}
