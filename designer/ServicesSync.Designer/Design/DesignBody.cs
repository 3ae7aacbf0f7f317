using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using ServicesSync.Api.Http;

namespace ServicesSync.Designer.Design;

/// <summary>
/// Reads a JSON request body with a size limit. A body over the limit is a 413, bad JSON (or a
/// property name repeated in one object) a 400 naming the line and position, and bytes that are
/// not UTF-8 a 400 naming the offset, all through the API's exception handler.
/// </summary>
internal static class DesignBody
{
    /// <param name="allowDuplicateProperties">
    /// True only where the definition reader reports repeated names itself, as a problem with a
    /// JSON Pointer (validate); everywhere else a repeated name would throw on first use.
    /// </param>
    public static async Task<JsonNode?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken, bool allowDuplicateProperties = false)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var sizeLimit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
        {
            sizeLimit.MaxRequestBodySize = maxBytes + 1L;
        }

        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }

        if (buffer.Length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var bytes = buffer.ToArray();
        Utf8Body.Require(bytes);
        return bytes.Length == 0
            ? null
            : JsonNode.Parse(bytes, nodeOptions: null, documentOptions: new JsonDocumentOptions { MaxDepth = 128, AllowDuplicateProperties = allowDuplicateProperties });
    }

    private static BadHttpRequestException TooLarge(int maxBytes)
        => new($"The request body is larger than the limit of {maxBytes / 1024 / 1024} MB.", StatusCodes.Status413PayloadTooLarge);
}
