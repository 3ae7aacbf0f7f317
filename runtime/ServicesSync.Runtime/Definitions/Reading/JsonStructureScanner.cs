using System.Text.Json;
using ServicesSync.Validation;

namespace ServicesSync.Definitions.Reading;

/// <summary>
/// One forward pass over the raw tokens, before anything is built from them: finds syntax
/// errors, duplicate property names and excessive nesting, each with its JSON Pointer and its
/// line and column. Duplicates must be caught here because a parsed document silently keeps one
/// of the two values, and the user would never learn which.
/// </summary>
internal static class JsonStructureScanner
{
    /// <summary>Adds the problems found to <paramref name="problems"/>; false when the text cannot be parsed at all.</summary>
    public static bool Scan(ReadOnlySpan<byte> utf8, int maxDepth, List<ValidationProblem> problems)
    {
        // The reader's own limit sits one level above ours so that our clearer message wins.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var path = NextValuePath(frames);
                        if (frames.Count >= maxDepth)
                        {
                            var where = TextPosition.FromOffset(utf8, reader.TokenStartIndex);
                            problems.Add(new ValidationProblem(
                                ProblemCodes.TooDeep,
                                $"the JSON is nested more than {maxDepth} levels deep ({where}); a workflow definition never needs that much nesting",
                                path));
                            return false;
                        }

                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartObject, path));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        var name = reader.GetString() ?? "";
                        frame.PendingProperty = name;
                        if (!(frame.Names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                        {
                            var where = TextPosition.FromOffset(utf8, reader.TokenStartIndex);
                            problems.Add(new ValidationProblem(
                                ProblemCodes.DuplicateProperty,
                                $"the property '{name}' appears more than once in the same object ({where}); keep only one",
                                PointerPath.Append(frame.Path, name)));
                        }

                        break;
                    default:
                        NextValuePath(frames);
                        break;
                }
            }

            return true;
        }
        catch (JsonException ex)
        {
            problems.Add(SyntaxProblem(utf8, ex, frames));
            return false;
        }
    }

    private static ValidationProblem SyntaxProblem(ReadOnlySpan<byte> utf8, JsonException ex, List<Frame> openFrames)
    {
        var path = openFrames.Count == 0 ? PointerPath.Root : openFrames[^1].Path;
        var offset = Math.Min(utf8.Length, TextPosition.ReaderOffset(utf8, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0));
        var where = TextPosition.FromOffset(utf8, offset);
        var endsEarly = openFrames.Count > 0 && utf8[(int)offset..].Trim(" \t\r\n"u8).IsEmpty;
        var detail = endsEarly
            ? "the text ends before every object and array is closed"
            : Describe(ex.Message);
        return new ValidationProblem(ProblemCodes.JsonSyntax, $"the JSON is not valid at {where}: {detail}", path);
    }

    // System.Text.Json's messages are good about the token but end with reader internals.
    private static string Describe(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut < 0 ? message : message[..cut]).Replace(" Change the reader options.", "", StringComparison.Ordinal).Trim();
        text = text.TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "unexpected text";
    }

    private static string NextValuePath(List<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return PointerPath.Root;
        }

        var parent = frames[^1];
        return parent.IsObject
            ? PointerPath.Append(parent.Path, parent.PendingProperty ?? "")
            : PointerPath.Append(parent.Path, parent.NextIndex++);
    }

    private sealed class Frame(bool isObject, string path)
    {
        public bool IsObject { get; } = isObject;

        public string Path { get; } = path;

        public int NextIndex { get; set; }

        public string? PendingProperty { get; set; }

        public HashSet<string>? Names { get; set; }
    }
}
