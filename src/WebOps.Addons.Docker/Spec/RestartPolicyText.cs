using Docker.DotNet.Models;
using WebOps.Core.Resources;

namespace WebOps.Addons.Docker.Spec;

/// <summary>
/// A spec's restart policy is written as <c>docker run --restart</c> reads it (<c>unless-stopped</c>,
/// <c>on-failure:5</c>, ...); this turns that text into the Engine API's form, so both projections apply one policy.
/// The grammar is <see cref="RestartPolicyGrammar"/>'s, the same the deployment validator uses.
/// </summary>
public static class RestartPolicyText
{
    public static RestartPolicy ToEngine(string text)
    {
        var (name, retries, error) = RestartPolicyGrammar.Read(text);
        if (error is not null)
        {
            var joint = error.StartsWith("is ", StringComparison.Ordinal) ? " " : ": ";
            throw new ArgumentException($"Restart policy '{text}'{joint}{error}.", nameof(text));
        }

        var kind = name switch
        {
            "no" => RestartPolicyKind.No,
            "always" => RestartPolicyKind.Always,
            "unless-stopped" => RestartPolicyKind.UnlessStopped,
            _ => RestartPolicyKind.OnFailure,
        };
        return retries is { } count ? new RestartPolicy { Name = kind, MaximumRetryCount = count } : new RestartPolicy { Name = kind };
    }
}
