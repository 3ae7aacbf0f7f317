using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace ServicesSync.Designer.Design;

/// <summary>
/// Reads a JSON request body with a size limit. A body over the limit is a 413 and bad JSON a 400
/// naming the line and position, both through the API's exception handler.
/// </summary>
internal static class DesignBody
{
    public static async Task<JsonNode?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
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

        return buffer.Length == 0 ? null : JsonNode.Parse(buffer.ToArray(), nodeOptions: null, documentOptions: new JsonDocumentOptions { MaxDepth = 128 });
    }

    private static BadHttpRequestException TooLarge(int maxBytes)
        => new($"The request body is larger than the limit of {maxBytes / 1024 / 1024} MB.", StatusCodes.Status413PayloadTooLarge);
}
