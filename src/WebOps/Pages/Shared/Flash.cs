using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace WebOps.Pages.Shared;

/// <summary>A one-time message shown at the top of the next page (after a redirect).</summary>
public static class Flash
{
    private const string Key = "flash";

    public static void Success(this ITempDataDictionary tempData, string message) => tempData[Key] = "ok\n" + message;

    public static void Error(this ITempDataDictionary tempData, string message) => tempData[Key] = "error\n" + message;

    /// <summary>Reads and clears the message: (kind, text), or null.</summary>
    public static (string Kind, string Text)? Take(ITempDataDictionary tempData) =>
        tempData[Key] is string s && s.IndexOf('\n', StringComparison.Ordinal) is var i and > 0
            ? (s[..i], s[(i + 1)..])
            : null;
}
