using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Controllers;
using WebOps.Addons;
using WebOps.Addons.Docker;
using WebOps.Api;
using WebOps.Audit;
using WebOps.Auth;
using WebOps.Backups;
using WebOps.Core;
using WebOps.Core.Addons;
using WebOps.Core.Runtime;
using WebOps.Data;
using WebOps.Deploys;
using WebOps.Health;
using WebOps.Llm;
using WebOps.Metrics;
using WebOps.Proxy;
using WebOps.Security;
using WebOps.Usage;
using WebOps.Webhooks;

namespace WebOps.Hosting;

/// <summary>Builds the panel: services, then the request pipeline. Used by <c>serve</c> and by the admin verbs.</summary>
public static class WebOpsApp
{
    public static WebApplication Build(string[] args)
    {
        var timings = new StartupTimings();
        // The application name finds the pages: in tests the entry assembly is the test host, not webops.
        // The slim builder leaves out what the panel never uses and would load anyway: IIS integration, HTTP/3 (QUIC),
        // the Debug, EventSource and EventLog log providers, hosting start-up assemblies and regex route constraints.
        // HTTPS endpoints (--urls https://...) stay possible, below.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Settings are read once at start (nothing here watches them), so appsettings.json is not watched for
            // changes: the watcher walks the whole content root (the working directory) at start, which took a second
            // from a large folder, and keeps a thread and a watch per folder.
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
            WebRootPath = PublishedWebRoot(),
            ApplicationName = typeof(WebOpsApp).Assembly.GetName().Name,
        });

        // The pages' CSS and JS live in wwwroot. A published panel has it beside webops.dll, whatever the working
        // directory; a build output has only the static web assets manifest, which ASP.NET Core reads by itself in
        // Development alone.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.UseKestrelHttpsConfiguration();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(WebOpsSettings.DefaultUrl);
        }

        LoggingDefaults.AddTo(builder.Configuration);
        var logActivity = new LogActivity(TimeProvider.System);
        builder.Logging.AddProvider(logActivity);
        builder.Services.AddSingleton(logActivity);

        var settings = new WebOpsSettings { DataPath = DataFolder.Resolve(builder.Configuration) };
        builder.Configuration["Addons:Path"] = AddonsPath(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(timings);
        builder.Services.AddHostedService<StartupTasks>(); // first: the database must be migrated before anything reads it
        builder.Services.AddSingleton<FirstAdminNotice>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FirstAdminNotice>());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddWebOpsData(settings.DataPath);
        builder.Services.AddWebOpsAuth(builder.Configuration);
        builder.Services.AddAddonSystem();
        builder.Services.AddSingleton<IAddonStateStore, DbAddonStateStore>();
        builder.Services.AddSingleton<IStoredDeployments, DbStoredDeployments>();
        builder.Services.AddDockerAddon(builder.Configuration);
        builder.Services.AddSingleton<Api.ClusterActions>();
        builder.Services.AddProcessAddon(builder.Configuration);
        builder.Services.AddLlm(builder.Configuration);
        builder.Services.AddDeploys(builder.Configuration, settings);
        builder.Services.AddHealthMonitoring(builder.Configuration);
        builder.Services.AddProxy(builder.Configuration, settings);
        builder.Services.AddBackups(builder.Configuration);
        builder.Services.AddAudit(builder.Configuration);
        builder.Services.AddWebhooks();
        builder.Services.AddUsage(builder.Configuration);
        builder.Services.AddPanelMetrics();
        builder.Services.AddHostedService<IdleMemoryTrim>();
        builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        // The panel has pages and minimal API endpoints, no controllers. Looking for controllers loads every type of the
        // panel's assembly at start, and with them the assemblies those types derive from, for nothing.
        builder.Services.AddRazorPages().ConfigureApplicationPartManager(parts =>
            parts.FeatureProviders.Remove(parts.FeatureProviders.OfType<ControllerFeatureProvider>().Single()));

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind the edge (Proxy:PanelDomain) every request comes from Caddy on this machine over plain HTTP: the
            // client's address (login throttle) and scheme (HSTS, secure cookies) are taken from its headers, and
            // only from loopback, so no one else can claim another address or HTTPS.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            o.KnownProxies.Add(System.Net.IPAddress.Loopback);
            o.KnownProxies.Add(System.Net.IPAddress.IPv6Loopback);
        });

        // Only the start-up tasks (database, first admin) run before the server answers, alongside its start; the rest
        // follows, and /healthz and requests that change state know until when (StartupRecovery).
        AfterListening.Defer<StartupTasks>(builder.Services);
        var app = builder.Build();
        timings.HostBuilt();
        app.UseDatabaseGate();
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRecoveryGate();
        app.MapHealthApi();
        app.MapOpenApi("/api/openapi.json");
        app.MapDeploymentsApi();
        app.MapReleasesApi();
        app.MapAddonsApi();
        app.MapClusterApi();
        app.MapEventsApi();
        app.MapLlmApi();
        app.MapTokensApi();
        app.MapAuditApi();
        app.MapHooksApi();
        app.MapUsageApi();
        app.MapPanelMetrics();
        app.MapRazorPages();
        return app;
    }

    private static string? PublishedWebRoot()
    {
        var besideBinary = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(besideBinary) ? besideBinary : null;
    }

    private static string AddonsPath(IConfiguration configuration, IWebHostEnvironment env)
    {
        var configured = configuration["Addons:Path"];
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured, env.ContentRootPath);
        }

        var besideBinary = Path.Combine(AppContext.BaseDirectory, "addons");
        return Directory.Exists(besideBinary) ? besideBinary : Path.Combine(env.ContentRootPath, "addons");
    }
}
