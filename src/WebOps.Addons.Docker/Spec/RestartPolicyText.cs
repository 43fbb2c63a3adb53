using System.Globalization;
using Docker.DotNet.Models;

namespace WebOps.Addons.Docker.Spec;

/// <summary>
/// A spec's restart policy is written as <c>docker run --restart</c> reads it (<c>unless-stopped</c>,
/// <c>on-failure:5</c>, ...); this turns that text into the Engine API's form, so both projections apply one policy.
/// </summary>
public static class RestartPolicyText
{
    public static RestartPolicy ToEngine(string text)
    {
        var (name, retries) = text.Split(':', 2) is [var head, var tail] ? (head, tail) : (text, null);
        var kind = name switch
        {
            "no" => RestartPolicyKind.No,
            "always" => RestartPolicyKind.Always,
            "unless-stopped" => RestartPolicyKind.UnlessStopped,
            "on-failure" => RestartPolicyKind.OnFailure,
            _ => RestartPolicyKind.Undefined,
        };
        if (kind == RestartPolicyKind.Undefined || (retries is not null && kind != RestartPolicyKind.OnFailure))
        {
            throw new ArgumentException(
                $"Restart policy '{text}' is not one Docker knows; use no, always, unless-stopped, on-failure or on-failure:N.", nameof(text));
        }

        if (retries is null)
        {
            return new RestartPolicy { Name = kind };
        }

        if (!int.TryParse(retries, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new ArgumentException(
                $"Restart policy '{text}': the retry count after 'on-failure:' must be a whole number of 1 or more.", nameof(text));
        }

        return new RestartPolicy { Name = kind, MaximumRetryCount = count };
    }
}
