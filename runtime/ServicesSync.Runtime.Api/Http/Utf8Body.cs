using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace ServicesSync.Api.Http;

/// <summary>One check for every host that reads JSON bodies (the runtime's API and the designer's).</summary>
public static class Utf8Body
{
    /// <summary>
    /// Refuses text that is not UTF-8 with a 400 naming the first bad byte. Decoding such text
    /// would replace the bad bytes with U+FFFD, silently changing what the client sent, or fail
    /// later inside a run.
    /// </summary>
    public static void Require(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return;
        }

        var offset = 0;
        while (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        throw new BadHttpRequestException(
            $"The request body is not valid UTF-8: the byte at offset {offset} (0x{bytes[offset]:X2}) cannot start or continue a character. Send the body encoded as UTF-8.",
            StatusCodes.Status400BadRequest);
    }
}
