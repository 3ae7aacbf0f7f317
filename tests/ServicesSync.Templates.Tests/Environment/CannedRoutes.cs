using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServicesSync.Templates.Tests.Environment;

/// <summary>
/// The responses a case's <c>serve</c> section gives one system: <c>"GET /v1/employees/412"</c>
/// (any query) or <c>"GET /path?a=1"</c> (that exact query) mapped to a template file or to
/// <c>{ "status": 201, "json": … }</c>. Requests they answer are reads, never "posted", unless the
/// response says <c>"write": true</c> (a create whose answer the workflow reads, e.g. an issue key).
/// </summary>
internal sealed class CannedRoutes(string templateFolder, JsonObject routes)
{
    private readonly HashSet<string> answered = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Answered => answered;

    /// <summary>A read the case serves: not posted. A route marked <c>"write": true</c> answers a write that is still posted.</summary>
    public bool IsServedRead(string method, string pathAndQuery)
        => Find(method, pathAndQuery) is { } key && !(routes[key] is JsonObject spec && (bool?)spec["write"] == true);

    public async Task<bool> TryAnswerAsync(HttpContext context)
    {
        var pathAndQuery = Uri.UnescapeDataString(context.Request.Path + context.Request.QueryString);
        var key = Find(context.Request.Method, pathAndQuery);
        if (key is null)
        {
            return false;
        }

        lock (answered)
        {
            answered.Add(key);
        }

        var response = routes[key];
        var status = response is JsonObject o && o["status"] is { } s ? (int)s : 200;
        string? body;
        string contentType;
        if (response is JsonObject { } spec && spec["json"] is { } json)
        {
            body = json.ToJsonString();
            contentType = "application/json";
        }
        else
        {
            var file = response is JsonValue ? (string)response! : (string?)response?["file"];
            body = file is null ? null : await File.ReadAllTextAsync(Path.Combine(templateFolder, file));
            contentType = Path.GetExtension(file) switch
            {
                ".xml" => "text/xml; charset=utf-8",
                ".csv" => "text/csv; charset=utf-8",
                _ => "application/json",
            };
        }

        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        }

        return true;
    }

    private string? Find(string method, string pathAndQuery)
    {
        var path = pathAndQuery.Split('?', 2)[0];
        var exact = $"{method} {pathAndQuery}";
        if (routes.ContainsKey(exact))
        {
            return exact;
        }

        var byPath = $"{method} {path}";
        return routes.ContainsKey(byPath) ? byPath : null;
    }
}
