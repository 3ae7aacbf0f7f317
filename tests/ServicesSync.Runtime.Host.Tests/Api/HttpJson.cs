using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ServicesSync.Host.Tests.Api;

internal static class HttpJson
{
    public static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static HttpRequestMessage Request(HttpMethod method, string uri, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, uri);
        if (json is not null)
        {
            request.Content = Content(json);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return request;
    }
}
