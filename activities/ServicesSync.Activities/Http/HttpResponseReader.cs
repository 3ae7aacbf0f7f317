using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Http;

/// <summary>Reads a response into the activity's output, never more than a bounded number of bytes.</summary>
internal static class HttpResponseReader
{
    /// <summary>Largest body read; a bigger one would bloat the journal and every message after it.</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    /// <summary>How much of an error response ends up in the error message.</summary>
    public const int MaxExcerptChars = 500;

    private static readonly string[] OutputHeaders = ["Content-Type", "Location", "ETag", "Retry-After"];

    public static async Task<JsonObject> ReadOutputAsync(HttpResponseMessage response, HttpRequestPlan plan, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content.Headers.ContentLength > MaxBodyBytes)
        {
            throw HttpFailures.TooLarge(plan, MaxBodyBytes);
        }

        var bytes = await ReadAsync(content, MaxBodyBytes, cancellationToken)
            ?? throw HttpFailures.TooLarge(plan, MaxBodyBytes);
        return new JsonObject
        {
            ["status"] = (int)response.StatusCode,
            ["headers"] = SelectHeaders(response),
            ["body"] = ParseBody(content, bytes),
        };
    }

    /// <summary>The start of an error response's body, on one line; empty when it cannot be read.</summary>
    public static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            // Four bytes per character at most, so this is always enough for the excerpt.
            var bytes = await ReadAsync(response.Content, MaxExcerptChars * 4, cancellationToken, truncate: true);
            var text = Decode(response.Content, bytes ?? []).ReplaceLineEndings(" ").Trim();
            return text.Length <= MaxExcerptChars ? text : string.Concat(text.AsSpan(0, MaxExcerptChars), "…");
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
        {
            return "";
        }
    }

    private static JsonObject SelectHeaders(HttpResponseMessage response)
    {
        var headers = new JsonObject();
        foreach (var name in OutputHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
            {
                headers[name.ToLowerInvariant()] = string.Join(", ", values);
            }
        }

        return headers;
    }

    private static JsonNode? ParseBody(HttpContent content, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        var text = Decode(content, bytes);
        if (!IsJson(content.Headers.ContentType?.MediaType))
        {
            return JsonValue.Create(text);
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // The server mislabelled its body; keeping the text loses nothing a later step could use.
            return JsonValue.Create(text);
        }
    }

    private static bool IsJson(string? mediaType)
        => mediaType is not null
           && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
               || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
               || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static string Decode(HttpContent content, byte[] bytes)
    {
        var encoding = Encoding.UTF8;
        if (content.Headers.ContentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset label: UTF-8 is what the server most likely meant.
            }
        }

        var preamble = encoding.Preamble;
        var body = bytes.AsSpan();
        return encoding.GetString(body.StartsWith(preamble) ? body[preamble.Length..] : body);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer and not truncating.</summary>
    private static async Task<byte[]?> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken, bool truncate = false)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    if (!truncate)
                    {
                        return null;
                    }

                    buffer.Write(chunk, 0, limit - (int)buffer.Length);
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
