using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Addons;

/// <summary>A built-in hook handler whose behaviour the test supplies; it records each call in a shared journal.</summary>
public sealed class TestHandler(string name, Func<HookContext, CancellationToken, Task<HookResult>> run) : IHookHandler
{
    public string Name => name;

    public Task<HookResult> ExecuteAsync(HookContext context, CancellationToken cancellationToken) => run(context, cancellationToken);

    /// <summary>A handler that appends its name to <paramref name="journal"/> and returns <paramref name="result"/>.</summary>
    public static TestHandler Journaling(string name, List<string> journal, HookResult? result = null) =>
        new(name, (_, _) =>
        {
            lock (journal)
            {
                journal.Add(name);
            }

            return Task.FromResult(result ?? HookResult.Ok());
        });
}
