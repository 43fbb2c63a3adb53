using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Hosting;

namespace WebOps.Tests.Unit.Hosting;

/// <summary>The server listens while the start-up tasks still prepare the database: every request waits for them.</summary>
public sealed class DatabaseGateTests
{
    private readonly StartupRecovery recovery = new();
    private int served;

    [Fact]
    public async Task A_request_waits_until_the_database_is_ready_and_is_then_served()
    {
        var context = new DefaultHttpContext();
        var request = Pipeline()(context);

        await Task.Delay(100);
        Assert.False(request.IsCompleted, "the request went on before the database was ready");
        Assert.Equal(0, served);

        recovery.DatabaseDone();
        await request.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, served);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_database_that_could_not_be_prepared_answers_503_and_serves_nothing()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        var request = Pipeline()(context);

        recovery.DatabaseDone(new InvalidOperationException("SQLite Error 26: 'file is not a database'."));
        await request.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, served);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Contains("could not prepare its database", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_database_is_ready_requests_go_straight_through()
    {
        recovery.DatabaseDone();

        await Pipeline()(new DefaultHttpContext()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, served);
    }

    private RequestDelegate Pipeline()
    {
        var services = new ServiceCollection().AddSingleton(recovery).BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        app.UseDatabaseGate();
        app.Run(_ =>
        {
            Interlocked.Increment(ref served);
            return Task.CompletedTask;
        });
        return app.Build();
    }
}
