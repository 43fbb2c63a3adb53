using System.Text;

namespace WebOps.Core.Text;

/// <summary>
/// Turns text written for a terminal into the plain text a reader of a log or a web page should see: escape
/// sequences (colours, cursor moves, window titles, hyperlinks) removed, carriage-return progress bars reduced to
/// their last state, other control characters dropped. Line feeds and tabs are kept.
/// </summary>
/// <remarks>
/// Written here because no package on NuGet does this job: Spectre.Console.Ansi 0.57 writes ANSI and parses its own
/// markup but keeps its VT parser internal; Hex1b and Terminal.Gui are whole terminal UI toolkits. The grammar
/// follows ECMA-48 as xterm reads it: CSI <c>ESC [ params intermediates final</c>; OSC, DCS, SOS, PM and APC strings
/// ended by BEL or ST (<c>ESC \</c>); two- and three-character escapes such as <c>ESC ( B</c> or <c>ESC 7</c>; and the
/// 8-bit forms of CSI (U+009B) and OSC (U+009D).
/// </remarks>
public static class TerminalText
{
    private const char Esc = '\u001b';
    private const char Bel = '\u0007';
    private const char Backspace = '\b';
    private const char Csi8 = '\u009b';
    private const char Osc8 = '\u009d';
    private const char St8 = '\u009c';

    /// <summary>The text without terminal control sequences; the same instance when there is nothing to remove.</summary>
    public static string Strip(string text)
    {
        if (!NeedsWork(text))
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var lineStart = 0; // where the current line begins in output, for carriage return and backspace
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == Esc)
            {
                i = SkipEscape(text, i + 1);
                continue;
            }

            if (c == Csi8)
            {
                i = SkipControlSequence(text, i + 1);
                continue;
            }

            if (c == Osc8)
            {
                i = SkipString(text, i + 1);
                continue;
            }

            switch (c)
            {
                case '\n':
                    output.Append(c);
                    lineStart = output.Length;
                    break;
                case '\t':
                    output.Append(c);
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] is not ('\r' or '\n'):
                    // A bare carriage return starts the line over (progress bars): what follows replaces it.
                    output.Length = lineStart;
                    break;
                case Backspace when output.Length > lineStart:
                    // Spinners step back over what they drew; a surrogate pair is one character.
                    var pair = output.Length - 2 >= lineStart && char.IsSurrogatePair(output[^2], output[^1]);
                    output.Length -= pair ? 2 : 1;
                    break;
                default:
                    if (!IsControl(c))
                    {
                        output.Append(c);
                    }

                    break;
            }

            i++;
        }

        return output.ToString();
    }

    private static bool NeedsWork(string text)
    {
        foreach (var c in text)
        {
            if (c != '\n' && c != '\t' && IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>C0 controls, DEL and C1 controls.</summary>
    private static bool IsControl(char c) => c < ' ' || c is >= '\u007f' and <= '\u009f';

    /// <summary>Skips what follows an ESC; returns the index after the sequence.</summary>
    private static int SkipEscape(string text, int i)
    {
        if (i >= text.Length)
        {
            return i;
        }

        switch (text[i])
        {
            case '[':
                return SkipControlSequence(text, i + 1);
            case ']' or 'P' or 'X' or '^' or '_':
                // OSC, DCS, SOS, PM, APC: a string up to the terminator.
                return SkipString(text, i + 1);
        }

        // ESC, intermediates (0x20-0x2F), one final character (0x30-0x7E): ESC ( B, ESC 7, ESC =, ESC c.
        var j = i;
        while (j < text.Length && text[j] is >= ' ' and <= '/')
        {
            j++;
        }

        // A lone ESC, or one followed by a control character, is dropped on its own.
        return j < text.Length && text[j] is >= '0' and <= '~' ? j + 1 : i;
    }

    /// <summary>Skips CSI parameters (0x30-0x3F), intermediates (0x20-0x2F) and the final character (0x40-0x7E).</summary>
    private static int SkipControlSequence(string text, int i)
    {
        while (i < text.Length && text[i] is >= ' ' and <= '?')
        {
            i++;
        }

        // Anything else (a control character, or text cut off) ends the broken sequence without being eaten.
        return i < text.Length && text[i] is >= '@' and <= '~' ? i + 1 : i;
    }

    /// <summary>
    /// Skips a control string up to BEL or ST. A line feed also ends it, unconsumed: a string that is never
    /// terminated must not swallow the following lines of a message.
    /// </summary>
    private static int SkipString(string text, int i)
    {
        while (i < text.Length)
        {
            switch (text[i])
            {
                case Bel or St8:
                    return i + 1;
                case Esc when i + 1 < text.Length && text[i + 1] == '\\':
                    return i + 2;
                case '\n':
                    return i;
            }

            i++;
        }

        return i;
    }
}
