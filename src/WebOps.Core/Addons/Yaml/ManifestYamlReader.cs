using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WebOps.Core.Addons.Yaml;

/// <summary>
/// Reads YAML text into a small node tree straight from YamlDotNet's event stream. Nothing is deserialized into
/// types, and anchors and aliases are refused before anything could expand, so a crafted manifest cannot blow up
/// memory (the "billion laughs" attack); nesting is capped so it cannot exhaust the stack either.
/// </summary>
internal static class ManifestYamlReader
{
    private const int MaxDepth = 32;

    /// <summary>Parses one YAML document; returns null for an empty file. Throws <see cref="ManifestYamlException"/>.</summary>
    public static ManifestNode? Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = Mark.Empty;
        try
        {
            Next(parser, ref last);
            Expect<StreamStart>(parser, ref last);
            if (parser.Current is StreamEnd)
            {
                return null;
            }

            Expect<DocumentStart>(parser, ref last);
            var root = ReadNode(parser, ref last, depth: 0);
            Expect<DocumentEnd>(parser, ref last);
            if (parser.Current is DocumentStart extra)
            {
                throw ManifestYamlException.At(extra.Start.Line, extra.Start.Column, "the manifest must hold a single YAML document");
            }

            return root;
        }
        catch (YamlException ex)
        {
            throw ManifestYamlException.At(ex.Start.Line, ex.Start.Column, $"bad YAML: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (instead of a YamlException) on some malformed flow collections.
            throw ManifestYamlException.At(last.Line, last.Column, "bad YAML: unterminated or malformed flow collection near here");
        }
    }

    private static ManifestNode ReadNode(Parser parser, ref Mark last, int depth)
    {
        var current = parser.Current ?? throw new ManifestYamlException("unexpected end of the YAML stream");
        var (line, column) = (current.Start.Line, current.Start.Column);
        if (current is AnchorAlias alias)
        {
            throw ManifestYamlException.At(line, column, $"YAML aliases are not allowed (alias '*{alias.Value}')");
        }

        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            throw ManifestYamlException.At(line, column, $"YAML aliases are not allowed (anchor '&{anchored.Anchor}')");
        }

        if (depth >= MaxDepth)
        {
            throw ManifestYamlException.At(line, column, $"nesting deeper than {MaxDepth} levels is not allowed");
        }

        switch (current)
        {
            case Scalar scalar:
                Next(parser, ref last);
                return new ManifestScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, (int)line, (int)column);
            case SequenceStart:
                Next(parser, ref last);
                var items = new List<ManifestNode>();
                while (parser.Current is not SequenceEnd)
                {
                    items.Add(ReadNode(parser, ref last, depth + 1));
                }

                Next(parser, ref last);
                return new ManifestSequence(items, (int)line, (int)column);
            case MappingStart:
                Next(parser, ref last);
                var entries = new List<KeyValuePair<ManifestScalar, ManifestNode>>();
                while (parser.Current is not MappingEnd)
                {
                    var key = ReadNode(parser, ref last, depth + 1) as ManifestScalar
                        ?? throw ManifestYamlException.At(line, column, "mapping keys must be plain text");
                    entries.Add(new(key, ReadNode(parser, ref last, depth + 1)));
                }

                Next(parser, ref last);
                return new ManifestMapping(entries, (int)line, (int)column);
            default:
                throw ManifestYamlException.At(line, column, $"unexpected {current.GetType().Name}");
        }
    }

    private static void Expect<T>(Parser parser, ref Mark last)
        where T : ParsingEvent
    {
        if (parser.Current is not T)
        {
            var at = parser.Current?.Start ?? last;
            throw ManifestYamlException.At(at.Line, at.Column, $"unexpected {parser.Current?.GetType().Name ?? "end of file"}");
        }

        Next(parser, ref last);
    }

    private static void Next(Parser parser, ref Mark last)
    {
        if (parser.Current is { } current)
        {
            last = current.End;
        }

        parser.MoveNext();
    }
}
