namespace WebOps.Addons.Docker.Engine;

/// <summary>
/// Calls the callback on the reporting thread, in order. <c>new Progress&lt;T&gt;()</c> posts callbacks to the
/// thread pool, which reorders build lines and events.
/// </summary>
internal sealed class SyncProgress<T>(Action<T> callback) : IProgress<T>
{
    public void Report(T value) => callback(value);
}
