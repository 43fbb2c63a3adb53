using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebOps.Addons.Process.Supervision;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Process.Static;

/// <summary>
/// Serves one static site from inside the panel: a small Kestrel server on 127.0.0.1:PORT with index files,
/// content types by extension, no directory listings and 404 for dotfiles and hidden files. Each request is
/// written as one line to the site's <see cref="LogRing"/>. Disposing it closes the port.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, string root, int port, LogRing ring, DateTimeOffset startedAt)
    {
        _app = app;
        Root = root;
        Port = port;
        Ring = ring;
        StartedAt = startedAt;
    }

    public string Root { get; }

    public int Port { get; }

    public LogRing Ring { get; }

    public DateTimeOffset StartedAt { get; }

    public static async Task<StaticSiteServer> StartAsync(string root, int port, LogRing ring, TimeProvider clock, CancellationToken ct)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Site folder '{root}' does not exist. Deploy the site again.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root, WebRootPath = root });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        Configure(app, root, ring, clock);
        await app.StartAsync(ct);
        return new StaticSiteServer(app, root, port, ring, clock.GetUtcNow());
    }

    /// <summary>The request pipeline; also used by tests on a plain <see cref="WebApplication"/>.</summary>
    public static void Configure(IApplicationBuilder app, string root, LogRing ring, TimeProvider clock)
    {
        // Sensitive excludes names starting with '.' plus hidden and system files: they answer 404.
        var files = new PhysicalFileProvider(root, ExclusionFilters.Sensitive);
        app.Use(async (context, next) =>
        {
            await next(context);
            ring.Add(new RuntimeLogLine(clock.GetUtcNow(), "stdout",
                $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {context.Response.StatusCode}"));
        });
        app.Use((context, next) =>
        {
            // The file provider hides dotfiles but not files inside dot-folders (.git/config): refuse any dot segment
            // except .well-known, which sites need for security.txt and certificate challenges.
            if (HasHiddenSegment(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        });
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    public static bool HasHiddenSegment(PathString path) =>
        (path.Value ?? "").Split('/').Any(s => s.StartsWith('.') && s != ".well-known");

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(limit.Token);
        await _app.DisposeAsync();
    }
}
