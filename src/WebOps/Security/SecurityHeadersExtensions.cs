namespace WebOps.Security;

public static class SecurityHeadersExtensions
{
    /// <summary>
    /// Adds <see cref="SecurityHeaders"/> to every response. Set just before the headers go out, so an error page
    /// written after the exception handler cleared the response carries them too; use it first in the pipeline.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                foreach (var (name, value) in SecurityHeaders.For(context.Request.IsHttps))
                {
                    context.Response.Headers[name] = value;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
