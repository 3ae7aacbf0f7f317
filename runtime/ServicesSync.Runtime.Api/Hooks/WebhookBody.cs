using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using ServicesSync.Api.Problems;

namespace ServicesSync.Api.Hooks;

/// <summary>
/// Checks a webhook body before anything is stored: JSON media type, UTF-8, well-formed, no
/// repeated property names (two values for one key would let the signer and the workflow read
/// different things), and nesting within the hook's limit. One reader pass does the checks, so
/// every refusal names the line and position.
/// </summary>
internal static class WebhookBody
{
    public static void RequireJsonContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType is not { } type
            || !(type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new WebhookRejection(
                ProblemKinds.UnsupportedMediaType,
                $"A webhook body must be JSON sent as application/json; the request says '{contentType ?? "(no Content-Type)"}'.");
        }

        if (media.CharSet is { Length: > 0 } charset
            && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Trim('"').Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw new WebhookRejection(ProblemKinds.UnsupportedMediaType, $"A webhook body must be UTF-8; the request says charset={charset}.");
        }
    }

    /// <summary>The body as a JSON node (null for an empty body), or a <see cref="WebhookRejection"/>.</summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> body, int maxDepth)
    {
        if (body.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[Encoding.UTF8.Preamble.Length..];
        }

        if (!Utf8.IsValid(body))
        {
            throw new WebhookRejection(WebhookProblemKinds.InvalidUtf8, "The request body contains bytes that are not valid UTF-8.");
        }

        if (Http.RequestBody.IsBlank(body))
        {
            return null;
        }

        Check(body, maxDepth);
        return JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = maxDepth + 1, AllowDuplicateProperties = false });
    }

    private static void Check(ReadOnlySpan<byte> body, int maxDepth)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var names = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth + 1 > maxDepth)
                        {
                            throw Refuse(WebhookProblemKinds.TooDeep, $"nesting deeper than the hook's limit of {maxDepth}", reader);
                        }

                        names.Push(reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (!names.Peek()!.Add(name))
                        {
                            throw Refuse(WebhookProblemKinds.DuplicateJsonKey, $"the property '{Shorten(name)}' appears twice in one object", reader);
                        }

                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            throw new WebhookRejection(ProblemKinds.MalformedJson, ExceptionProblems.MalformedJson(exception).Detail!);
        }
    }

    private static WebhookRejection Refuse(ProblemKind kind, string what, Utf8JsonReader reader)
        => new(kind, $"The request body is refused at byte {reader.TokenStartIndex + 1}: {what}.");

    private static string Shorten(string name) => name.Length <= 60 ? name : name[..60] + "…";
}
