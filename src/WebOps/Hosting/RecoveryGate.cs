namespace WebOps.Hosting;

/// <summary>
/// Requests that change state (any method but GET, HEAD and OPTIONS) wait until start-up recovery has finished: a
/// deploy, stop or delete must not act on a release the recovery is still settling. Reads are served at once, once the
/// database is ready (<see cref="UseDatabaseGate"/>).
/// </summary>
public static class RecoveryGate
{
    /// <summary>
    /// Every request waits for the start-up tasks' database work (some 45 ms on a usual start, longer when it migrates;
    /// alongside the server's own start), so none reads a database that is not migrated yet. If that work failed the panel is stopping, and the
    /// answer is 503 saying so.
    /// </summary>
    public static IApplicationBuilder UseDatabaseGate(this IApplicationBuilder app)
    {
        var ready = app.ApplicationServices.GetRequiredService<StartupRecovery>().DatabaseReady;
        return app.Use(async (context, next) =>
        {
            if (!ready.IsCompletedSuccessfully)
            {
                try
                {
                    await ready.WaitAsync(context.RequestAborted);
                }
                catch (Exception) when (ready.IsFaulted)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    await context.Response.WriteAsync("The panel could not prepare its database and is stopping; its log says why.", context.RequestAborted);
                    return;
                }
            }

            await next(context);
        });
    }

    public static IApplicationBuilder UseRecoveryGate(this IApplicationBuilder app)
    {
        var recovery = app.ApplicationServices.GetRequiredService<StartupRecovery>();
        return app.Use(async (context, next) =>
        {
            if (!recovery.IsFinished && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && !HttpMethods.IsOptions(context.Request.Method))
            {
                await recovery.WaitAsync(context.RequestAborted);
            }

            await next(context);
        });
    }
}
