namespace WebOps.Core.Hooks;

/// <summary>The named steps of a deploy whose times end every deploy log, in the order they run.</summary>
public static class DeploySteps
{
    public const string Clone = "clone";
    public const string Detect = "detect";
    public const string BuildContext = "build context";
    public const string Build = "build";
    public const string Start = "start";
    public const string Ready = "ready";
    public const string Switch = "switch";
    public const string Hooks = "hooks";

    public static IReadOnlyList<string> All { get; } = [Clone, Detect, BuildContext, Build, Start, Ready, Switch, Hooks];

    /// <summary>Adds <paramref name="elapsed"/> to <paramref name="step"/> when the log keeps step times; a step may be recorded more than once.</summary>
    public static void Record(this IDeploymentLog log, string step, TimeSpan elapsed)
    {
        if (log is IDeployStepRecorder recorder)
        {
            recorder.Record(step, elapsed);
        }
    }
}
