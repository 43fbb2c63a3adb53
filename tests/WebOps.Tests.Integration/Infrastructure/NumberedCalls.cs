using Microsoft.AspNetCore.Http;

namespace WebOps.Tests.Integration.Infrastructure;

/// <summary>Counts the calls a proxy sees that <paramref name="which"/> picks, and hands each to the test with its number (1 for the first).</summary>
public sealed class NumberedCalls(Func<HttpContext, bool> which)
{
    private int count;

    public int Count => Volatile.Read(ref count);

    /// <summary>A proxy's answer: the picked calls go to <paramref name="answer"/>; a false answer, and every other call, pass through.</summary>
    public Func<HttpContext, Task<bool>> To(Func<HttpContext, int, Task<bool>> answer) =>
        context => which(context) ? answer(context, Interlocked.Increment(ref count)) : Task.FromResult(false);
}
