using WebOps.Core.Proxy;
using WebOps.Hosting;
using WebOps.Swarm.Routing;

namespace WebOps.Proxy;

public static class ProxyServiceCollectionExtensions
{
    /// <summary>The edge proxy: settings (section <c>Proxy</c>), Caddy's admin client, and the service that keeps Caddy's config.</summary>
    public static IServiceCollection AddProxy(this IServiceCollection services, IConfiguration configuration, WebOpsSettings settings)
    {
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.Section)).PostConfigure(o =>
        {
            // Caddy runs in the proxy folder: a relative path would mean something else to it than to the panel.
            if (!string.IsNullOrWhiteSpace(o.Acme.TrustedRootsPem))
            {
                o.Acme.TrustedRootsPem = Path.GetFullPath(o.Acme.TrustedRootsPem);
            }

            o.PanelDomain = string.IsNullOrWhiteSpace(o.PanelDomain) ? null : o.PanelDomain.Trim();
        })
        .Validate(o => o.PanelDomain is null || DomainRule.Check(o.PanelDomain) is null, "Proxy:PanelDomain is not a valid host name; give one such as 'panel.example.com'")
        .ValidateOnStart();
        services.AddSingleton(new ProxyFolder(settings.DataPath));
        services.AddSingleton<SlotFiles>();
        services.AddSingleton<ProxyStatus>();
        services.AddSingleton<CertificateReader>();
        services.AddSingleton<ProxyChanges>();
        services.AddSingleton<CaddyLauncher>();
        services.AddSingleton(sp =>
        {
            var address = configuration[$"{ProxyOptions.Section}:AdminAddress"] ?? new ProxyOptions().AdminAddress;
            return new CaddyAdminClient(new HttpClient { BaseAddress = new Uri($"http://{address}/"), Timeout = CaddyAdminClient.Limit });
        });
        services.AddSingleton<PanelUpstream>();
        services.AddHostedService(sp => sp.GetRequiredService<PanelUpstream>());
        services.AddSingleton<ProxyService>();
        services.AddHostedService(sp => sp.GetRequiredService<ProxyService>());
        services.AddSingleton<IEdgeRouter, EdgeRouter>();

        // After the proxy service: the watcher pushes through it.
        services.AddSwarmRouting();
        return services;
    }
}
