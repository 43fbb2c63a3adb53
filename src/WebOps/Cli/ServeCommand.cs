using WebOps.Hosting;

namespace WebOps.Cli;

public static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var app = WebOpsApp.Build(args);
        await app.RunAsync();
        return 0;
    }
}
