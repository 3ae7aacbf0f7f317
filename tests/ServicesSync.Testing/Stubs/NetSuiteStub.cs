using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ServicesSync.Testing.Stubs;

/// <summary>
/// NetSuite's REST record API as documented for upserts: <c>PUT /services/rest/record/v1/{type}/eid:{id}</c>
/// creates (204, Location of the new record) or updates (204) the record with that external id;
/// GET of an unknown record is 404 with an <c>o:errorDetails</c> body; a request without a
/// token-based OAuth header for the account's realm is 401.
/// </summary>
public sealed partial class NetSuiteStub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, JsonObject> records = new(StringComparer.Ordinal);
    private int nextId = 100;
    private int changes;

    private NetSuiteStub(string realm, string consumerKey)
    {
        Realm = realm;
        ConsumerKey = consumerKey;
    }

    public StubServer Server { get; private set; } = null!;

    public string Realm { get; }

    public string ConsumerKey { get; }

    /// <summary>How many times a record was created or its content changed.</summary>
    public int Changes => Volatile.Read(ref changes);

    public IReadOnlyDictionary<string, JsonObject> Records => records;

    /// <summary>
    /// Answers a request before the record API does when it returns true (after the auth check):
    /// canned SuiteQL or saved-search results for workflows that read from NetSuite.
    /// </summary>
    public Func<HttpContext, string, Task<bool>>? Intercept { get; set; }

    public static async Task<NetSuiteStub> StartAsync(string realm, string consumerKey)
    {
        var stub = new NetSuiteStub(realm, consumerKey);
        stub.Server = await StubServer.StartAsync(stub.HandleAsync);
        return stub;
    }

    public JsonObject? Find(string type, string externalId) => records.GetValueOrDefault($"{type}/{externalId}");

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string body)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith($"OAuth realm=\"{Realm}\"", StringComparison.Ordinal) || !auth.Contains($"oauth_consumer_key=\"{ConsumerKey}\"", StringComparison.Ordinal)
            || !auth.Contains("oauth_signature_method=\"HMAC-SHA256\"", StringComparison.Ordinal) || !auth.Contains("oauth_signature=", StringComparison.Ordinal))
        {
            await Error(context, 401, "INVALID_LOGIN", "Invalid login attempt.");
            return;
        }

        if (context.Request.Method == "POST" && context.Request.Path == "/services/rest/query/v1/suiteql" && SuiteQlDateProblem(body) is { } problem)
        {
            await Error(context, 400, "INVALID_PARAMETER", problem);
            return;
        }

        if (Intercept is { } intercept && await intercept(context, body))
        {
            return;
        }

        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        if (path == "/services/rest/record/v1/metadata-catalog")
        {
            await Json(context, 200, new JsonObject { ["items"] = new JsonArray() });
            return;
        }

        var match = RecordPath().Match(path);
        if (!match.Success)
        {
            await Error(context, 404, "NONEXISTENT_ID", "The record type does not exist.");
            return;
        }

        var key = $"{match.Groups["type"].Value}/{match.Groups["eid"].Value}";
        switch (context.Request.Method)
        {
            case "GET" when records.TryGetValue(key, out var found):
                await Json(context, 200, found);
                return;
            case "GET":
                await Error(context, 404, "NONEXISTENT_ID", $"Record {key} was not found.");
                return;
            case "PUT":
                var incoming = JsonNode.Parse(body) as JsonObject ?? [];
                var created = false;
                var changed = false;
                records.AddOrUpdate(
                    key,
                    _ =>
                    {
                        created = true;
                        var record = incoming.DeepClone().AsObject();
                        record["id"] = Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        return record;
                    },
                    (_, existing) =>
                    {
                        var merged = existing.DeepClone().AsObject();
                        foreach (var (name, value) in incoming)
                        {
                            if (!JsonNode.DeepEquals(merged[name], value))
                            {
                                merged[name] = value?.DeepClone();
                                changed = true;
                            }
                        }

                        return merged;
                    });
                if (created || changed)
                {
                    Interlocked.Increment(ref changes);
                }

                if (created)
                {
                    context.Response.Headers.Location = $"{Server.BaseUri}services/rest/record/v1/{match.Groups["type"].Value}/{records[key]["id"]}";
                }

                context.Response.StatusCode = 204;
                return;
            default:
                await Error(context, 405, "METHOD_NOT_ALLOWED", "Not supported by the stub.");
                return;
        }
    }

    /// <summary>
    /// SuiteQL parses a date literal with the mask written beside it (Oracle rules): ISO text ending
    /// in Z does not match a TZH:TZM mask, and NetSuite answers 400. Null when every literal matches.
    /// </summary>
    public static string? SuiteQlDateProblem(string body)
    {
        var q = (JsonNode.Parse(body.Length == 0 ? "{}" : body) as JsonObject)?["q"]?.GetValue<string>() ?? "";
        foreach (Match call in SuiteQlTimestamp().Matches(q))
        {
            var mask = call.Groups["mask"].Value;
            var pattern = "^" + SuiteQlMaskPart().Replace(mask, m => m.Value switch
            {
                "YYYY" => @"\d{4}",
                "MM" or "DD" or "HH24" or "MI" or "SS" or "TZM" => @"\d{2}",
                "TZH" => @"[+-]\d{2}",
                var quoted when quoted.StartsWith('"') => Regex.Escape(quoted.Trim('"')),
                var other => Regex.Escape(other),
            }) + "$";
            if (!Regex.IsMatch(call.Groups["value"].Value, pattern, RegexOptions.CultureInvariant))
            {
                return $"Invalid search query. Detailed unprocessed description follows. Invalid or unsupported search. "
                    + $"{call.Groups["fn"].Value}('{call.Groups["value"].Value}', '{mask}'): the literal does not match the format mask.";
            }
        }

        return null;
    }

    private static Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/vnd.oracle.resource+json; type=singular";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task Error(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/vnd.oracle.resource+json; type=error";
        var body = new JsonObject
        {
            ["type"] = "https://www.rfc-editor.org/rfc/rfc9110.html",
            ["title"] = status == 401 ? "Unauthorized" : "Error",
            ["status"] = status,
            ["o:errorDetails"] = new JsonArray(new JsonObject { ["detail"] = detail, ["o:errorCode"] = code }),
        };
        return context.Response.WriteAsync(body.ToJsonString());
    }

    [GeneratedRegex(@"(?<fn>TO_TIMESTAMP_TZ|TO_TIMESTAMP|TO_DATE)\(\s*'(?<value>[^']*)'\s*,\s*'(?<mask>[^']*)'\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex SuiteQlTimestamp();

    [GeneratedRegex("\"[^\"]*\"|YYYY|MM|DD|HH24|MI|SS|TZH|TZM|.")]
    private static partial Regex SuiteQlMaskPart();

    // Custom record types (customrecord_…) have underscores and digits.
    [GeneratedRegex("^/services/rest/record/v1/(?<type>[a-zA-Z][a-zA-Z0-9_]*)/eid:(?<eid>.+)$")]
    private static partial Regex RecordPath();
}
