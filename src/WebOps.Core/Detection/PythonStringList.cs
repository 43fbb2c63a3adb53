namespace WebOps.Core.Detection;

/// <summary>Reads the string literals of a Python or TOML list ("[\"Django>=4\", 'gunicorn']") that starts at a
/// given '['. Brackets inside strings ("django[argon2]") and '#' comments are handled; anything else is skipped.</summary>
internal static class PythonStringList
{
    public static List<string> Read(string text, int openBracket)
    {
        var items = new List<string>();
        var depth = 0;
        for (var i = openBracket; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '[':
                    depth++;
                    break;
                case ']':
                    if (--depth == 0)
                    {
                        return items;
                    }

                    break;
                case '#':
                    i = EndOfLine(text, i);
                    break;
                case '"' or '\'':
                    var end = text.IndexOf(c, i + 1);
                    if (end < 0)
                    {
                        return items;
                    }

                    items.Add(text[(i + 1)..end]);
                    i = end;
                    break;
                default:
                    break;
            }
        }

        return items;
    }

    /// <summary>The list assigned to <paramref name="key"/> ("key = [" or "key=["), searched from
    /// <paramref name="start"/> up to <paramref name="end"/>; empty when there is none.</summary>
    public static List<string> ReadAssigned(string text, string key, int start = 0, int end = -1)
    {
        end = end < 0 ? text.Length : end;
        var at = start;
        while ((at = text.IndexOf(key, at, end - at, StringComparison.Ordinal)) >= 0)
        {
            var before = at == 0 ? '\n' : text[at - 1];
            var i = at + key.Length;
            at = i;
            // Part of a longer key ("dev-dependencies", "extras_install_requires") is not this key.
            if (char.IsLetterOrDigit(before) || before is '_' or '-' or '.')
            {
                continue;
            }

            i = SkipSpaces(text, i, end);
            if (i >= end || text[i] != '=')
            {
                continue;
            }

            i = SkipSpaces(text, i + 1, end);
            if (i < end && text[i] == '[')
            {
                return Read(text[..end], i);
            }
        }

        return [];
    }

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int EndOfLine(string text, int i)
    {
        var newline = text.IndexOf('\n', i);
        return newline < 0 ? text.Length : newline;
    }
}
