using System.Globalization;

namespace WebOps.Core.Resources;

/// <summary>
/// Restart policies as <c>docker run --restart</c> reads them: <c>no</c>, <c>always</c>, <c>unless-stopped</c>,
/// <c>on-failure</c> or <c>on-failure:N</c>. One grammar for the validator and the Engine API projection.
/// </summary>
public static class RestartPolicyGrammar
{
    public static readonly IReadOnlyList<string> Names = ["no", "on-failure", "unless-stopped", "always"];

    /// <summary>The policy's name and retry count, or the reason it is refused (a sentence to follow the policy text).</summary>
    public static (string? Name, int? Retries, string? Error) Read(string text)
    {
        var (name, retries) = text.Split(':', 2) is [var head, var tail] ? (head, tail) : (text, null);
        if (!Names.Contains(name, StringComparer.Ordinal) || (retries is not null && name != "on-failure"))
        {
            return (null, null, "is not one Docker knows; use no, always, unless-stopped, on-failure or on-failure:N");
        }

        if (retries is null)
        {
            return (name, null, null);
        }

        if (!int.TryParse(retries, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return (null, null, "the retry count after 'on-failure:' must be a whole number of 1 or more");
        }

        return (name, count, null);
    }
}
