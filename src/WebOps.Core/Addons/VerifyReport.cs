using System.Text;

namespace WebOps.Core.Addons;

/// <summary>Prints a verify checklist as <c>✓ text</c> / <c>✗ text</c> lines and gives the command's exit code.</summary>
public static class VerifyReport
{
    public static string Format(IReadOnlyList<VerifyCheck> checks)
    {
        var text = new StringBuilder();
        foreach (var check in checks)
        {
            text.Append(check.Passed ? "✓ " : "✗ ").Append(check.Text).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>0 when every check passed, 1 otherwise (an empty checklist proves nothing, so it is 1 too).</summary>
    public static int ExitCode(IReadOnlyList<VerifyCheck> checks) => checks.Count > 0 && checks.All(c => c.Passed) ? 0 : 1;
}
