using WebOps.Addons.Process.Supervision;

namespace WebOps.Tests.Unit.ProcessAddon;

public sealed class AppOutputTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("webops-output-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Moved_output_files_are_followed_from_where_reading_stopped_while_the_app_keeps_writing_to_them()
    {
        string Path(string file) => System.IO.Path.Combine(root, file);
        var ring = new LogRing(100);
        var output = new AppOutput(Path("next.stdout.log"), Path("next.stderr.log"), Path("app.log"), ring, TimeProvider.System);
        output.Reset();
        // The app holds its output file open for appending, as the shell that starts it does.
        await using (var app = new FileStream(Path("next.stdout.log"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            await app.WriteAsync("first\n"u8.ToArray());
            await app.FlushAsync();
            await output.PollAsync(default);

            output.MoveTo(Path("stdout.log"), Path("stderr.log"));
            await app.WriteAsync("second\n"u8.ToArray());
            await app.FlushAsync();
            await output.PollAsync(default);
        }

        Assert.Equal(["first", "second"], ring.Tail(10).Select(l => l.Text));
        Assert.Equal(["app.log", "stderr.log", "stdout.log"], Directory.EnumerateFiles(root).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("first\nsecond\n", await File.ReadAllTextAsync(Path("stdout.log")));
        Assert.Equal(2, (await File.ReadAllLinesAsync(Path("app.log"))).Length);
    }
}
