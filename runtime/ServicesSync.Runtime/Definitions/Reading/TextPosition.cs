using System.Text;

namespace ServicesSync.Definitions.Reading;

/// <summary>
/// 1-based line and column of a byte offset in UTF-8 text, counted in characters as an editor
/// shows them, not in bytes as <see cref="System.Text.Json.Utf8JsonReader"/> reports them.
/// </summary>
internal readonly record struct TextPosition(long Line, long Column)
{
    public static TextPosition FromOffset(ReadOnlySpan<byte> utf8, long offset)
    {
        offset = Math.Clamp(offset, 0, utf8.Length);
        var before = utf8[..(int)offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1L;
        return new TextPosition(line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1L);
    }

    /// <summary>The byte offset of the 0-based line and byte-in-line pair of a <see cref="System.Text.Json.JsonException"/>.</summary>
    public static long ReaderOffset(ReadOnlySpan<byte> utf8, long line, long bytePositionInLine)
    {
        var lineStart = 0;
        for (var i = 0L; i < line; i++)
        {
            var next = utf8[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        return lineStart + bytePositionInLine;
    }

    public override string ToString() => $"line {Line}, column {Column}";
}
