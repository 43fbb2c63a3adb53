namespace WebOps.Core.Hooks;

/// <summary>
/// A deploy log that also keeps how long each step took (see <see cref="DeploySteps"/>), so the log can end with the
/// time of every step. Hooks reach it through <see cref="DeploySteps.Record"/>; a log without it ignores the times.
/// </summary>
public interface IDeployStepRecorder
{
    void Record(string step, TimeSpan elapsed);
}
