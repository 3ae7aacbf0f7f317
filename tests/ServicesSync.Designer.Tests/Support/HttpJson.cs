using System.Text;
using System.Text.Json;

namespace ServicesSync.Designer.Tests.Support;

internal static class HttpJson
{
    public static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, int? expectedStatus = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (expectedStatus is { } status)
        {
            Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        }
        else
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
