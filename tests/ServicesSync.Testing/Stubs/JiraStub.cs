using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServicesSync.Testing.Stubs;

/// <summary>
/// Jira Cloud's REST API v3 for reading issues: Basic with the account e-mail and an API token,
/// else 401 with Jira's plain-text body; <c>GET /rest/api/3/issue/{idOrKey}?fields=…</c> answers
/// <c>{ id, key, self, fields }</c> with the requested fields, and 404 with
/// <c>{ errorMessages, errors }</c> for an issue that does not exist or may not be seen.
/// </summary>
public sealed class JiraStub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, JsonObject> issues = new(StringComparer.Ordinal);

    private JiraStub(string email, string apiToken)
    {
        Email = email;
        ApiToken = apiToken;
    }

    public StubServer Server { get; private set; } = null!;

    public string Email { get; }

    public string ApiToken { get; }

    public static async Task<JiraStub> StartAsync(string email, string apiToken)
    {
        var stub = new JiraStub(email, apiToken);
        stub.Server = await StubServer.StartAsync(stub.HandleAsync);
        return stub;
    }

    /// <summary>Adds an issue findable by id and by key.</summary>
    public JiraStub AddIssue(string id, string key, string projectKey, string summary)
    {
        var issue = new JsonObject
        {
            ["id"] = id,
            ["key"] = key,
            ["fields"] = new JsonObject
            {
                ["summary"] = summary,
                ["project"] = new JsonObject { ["id"] = "10000", ["key"] = projectKey, ["name"] = projectKey + " project", ["projectTypeKey"] = "software" },
                ["issuetype"] = new JsonObject { ["id"] = "10001", ["name"] = "Task" },
            },
        };
        issues[id] = issue;
        issues[key] = issue;
        return this;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string body)
    {
        if (!StubHttp.HasAuthorization(context, StubHttp.Basic(Email, ApiToken)))
        {
            await StubHttp.Text(context, 401, "Client must be authenticated to access this resource.", "text/plain;charset=UTF-8");
            return;
        }

        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        const string prefix = "/rest/api/3/issue/";
        if (path.StartsWith(prefix, StringComparison.Ordinal) && issues.TryGetValue(path[prefix.Length..], out var issue))
        {
            var wanted = StubHttp.Query(context, "fields").Split(',', StringSplitOptions.RemoveEmptyEntries);
            var fields = new JsonObject();
            foreach (var (name, value) in (JsonObject)issue["fields"]!)
            {
                if (wanted.Length == 0 || wanted.Contains(name, StringComparer.Ordinal))
                {
                    fields[name] = value?.DeepClone();
                }
            }

            await StubHttp.Json(context, 200, new JsonObject
            {
                ["id"] = issue["id"]?.DeepClone(),
                ["key"] = issue["key"]?.DeepClone(),
                ["self"] = $"{Server.BaseUri}rest/api/3/issue/{issue["id"]}",
                ["fields"] = fields,
            });
            return;
        }

        await StubHttp.Json(context, 404, new JsonObject
        {
            ["errorMessages"] = new JsonArray("Issue does not exist or you do not have permission to see it."),
            ["errors"] = new JsonObject(),
        });
    }
}
