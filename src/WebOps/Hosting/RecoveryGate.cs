namespace WebOps.Hosting;

/// <summary>
/// Requests that change state (any method but GET, HEAD and OPTIONS) wait until start-up recovery has finished: a
/// deploy, stop or delete must not act on a release the recovery is still settling. Reads are served at once.
/// </summary>
public static class RecoveryGate
{
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
