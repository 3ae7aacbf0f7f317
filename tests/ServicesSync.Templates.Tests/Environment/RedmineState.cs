using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ServicesSync.Templates.Tests.Environment;

/// <summary>
/// Reads and clears records in the shared real Redmine. Its database outlives a test run, so a
/// case first removes the users and projects it is about to prove it creates (<c>reset</c>).
/// </summary>
internal static class RedmineState
{
    public static async Task ResetAsync(IReadOnlyDictionary<string, string> settings, JsonObject? reset)
    {
        if (reset is null)
        {
            return;
        }

        using var client = Client(settings);
        foreach (var login in (reset["users"] as JsonArray ?? []).Select(n => (string)n!))
        {
            var found = await client.GetFromJsonAsync<JsonObject>($"users.json?status=&name={Uri.EscapeDataString(login)}");
            foreach (var user in (found?["users"] as JsonArray ?? []).Where(u => (string?)u?["login"] == login))
            {
                (await client.DeleteAsync($"users/{user!["id"]}.json")).EnsureSuccessStatusCode();
            }
        }

        foreach (var identifier in (reset["projects"] as JsonArray ?? []).Select(n => (string)n!))
        {
            var response = await client.DeleteAsync($"projects/{Uri.EscapeDataString(identifier)}.json");
            if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
            {
                response.EnsureSuccessStatusCode();
            }
        }
    }

    /// <summary>The answer to a GET of the Redmine REST API, e.g. <c>users.json?name=ada@example.com</c>.</summary>
    public static async Task<JsonNode?> GetAsync(IReadOnlyDictionary<string, string> settings, string path)
    {
        using var client = Client(settings);
        using var response = await client.GetAsync(path);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(await response.Content.ReadAsStringAsync())
            : new JsonObject { ["status"] = (int)response.StatusCode };
    }

    private static HttpClient Client(IReadOnlyDictionary<string, string> settings)
    {
        var client = new HttpClient { BaseAddress = new Uri(settings["REDMINE_URL"]) };
        client.DefaultRequestHeaders.Add("X-Redmine-API-Key", settings["REDMINE_API_KEY"]);
        return client;
    }
}
