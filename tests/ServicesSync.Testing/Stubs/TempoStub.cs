using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServicesSync.Testing.Stubs;

/// <summary>
/// Tempo's REST API v4: a bearer token, else 401 with <c>{ errors: [{ message }] }</c>;
/// <c>GET /4/worklogs/user/{accountId}?from&amp;to&amp;offset&amp;limit</c> pages
/// <c>{ self, metadata: { count, offset, limit, next }, results }</c> with <c>next</c> an
/// absolute URL; <c>GET /4/timesheet-approvals/user/{accountId}?from&amp;to</c> answers the
/// approval (<c>{ user, period, status: { key }, reviewer }</c>), 404 for a user Tempo does not know.
/// </summary>
public sealed class TempoStub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<JsonObject>> worklogs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> statuses = new(StringComparer.Ordinal);

    private TempoStub(string token) => Token = token;

    public StubServer Server { get; private set; } = null!;

    public string Token { get; }

    /// <summary>Largest page the stub answers, whatever limit is asked for; small to exercise paging.</summary>
    public int PageLimit { get; set; } = 50;

    public static async Task<TempoStub> StartAsync(string token)
    {
        var stub = new TempoStub(token);
        stub.Server = await StubServer.StartAsync(stub.HandleAsync);
        return stub;
    }

    /// <summary>Adds a worklog of the user (Tempo's shape: tempoWorklogId, issue.id, startDate, timeSpentSeconds, billableSeconds…).</summary>
    public TempoStub AddWorklog(string accountId, JsonObject worklog)
    {
        var list = worklogs.GetOrAdd(accountId, _ => []);
        lock (list)
        {
            list.Add(worklog);
        }

        return this;
    }

    /// <summary>Sets the approval status of the user's timesheets (OPEN, IN_REVIEW, APPROVED).</summary>
    public TempoStub SetApproval(string accountId, string status)
    {
        statuses[accountId] = status;
        return this;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string body)
    {
        if (!StubHttp.HasAuthorization(context, "Bearer " + Token))
        {
            await StubHttp.Json(context, 401, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = "Invalid or expired token" }) });
            return;
        }

        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        string from = StubHttp.Query(context, "from"), to = StubHttp.Query(context, "to");
        if (path.StartsWith("/4/worklogs/user/", StringComparison.Ordinal) && worklogs.TryGetValue(path["/4/worklogs/user/".Length..], out var list))
        {
            await WorklogsAsync(context, path, list, from, to);
        }
        else if (path.StartsWith("/4/timesheet-approvals/user/", StringComparison.Ordinal) && statuses.TryGetValue(path["/4/timesheet-approvals/user/".Length..], out var status))
        {
            var accountId = path["/4/timesheet-approvals/user/".Length..];
            await StubHttp.Json(context, 200, new JsonObject
            {
                ["self"] = $"{Server.BaseUri}4/timesheet-approvals/user/{accountId}?from={from}&to={to}",
                ["user"] = new JsonObject { ["accountId"] = accountId },
                ["period"] = new JsonObject { ["from"] = from, ["to"] = to },
                ["status"] = new JsonObject { ["key"] = status, ["updatedAt"] = "2026-03-09T09:15:00Z" },
                ["reviewer"] = new JsonObject { ["accountId"] = "5a0bc1f2e3d4c5b6a7980011" },
            });
        }
        else
        {
            await StubHttp.Json(context, 404, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = $"User not found: {path}" }) });
        }
    }

    private Task WorklogsAsync(HttpContext context, string path, List<JsonObject> list, string from, string to)
    {
        JsonObject[] inPeriod;
        lock (list)
        {
            inPeriod = [.. list.Where(w => string.CompareOrdinal((string?)w["startDate"], from) >= 0 && string.CompareOrdinal((string?)w["startDate"], to) <= 0)];
        }

        var offset = StubHttp.QueryInt(context, "offset", 0);
        var limit = Math.Min(StubHttp.QueryInt(context, "limit", PageLimit), PageLimit);
        var page = inPeriod.Skip(offset).Take(limit).ToArray();
        var metadata = new JsonObject { ["count"] = page.Length, ["offset"] = offset, ["limit"] = limit };
        if (offset + page.Length < inPeriod.Length)
        {
            metadata["next"] = $"{Server.BaseUri}{path.TrimStart('/')}?from={from}&to={to}&offset={(offset + page.Length).ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}";
        }

        return StubHttp.Json(context, 200, new JsonObject
        {
            ["self"] = $"{Server.BaseUri}{path.TrimStart('/')}{context.Request.QueryString}",
            ["metadata"] = metadata,
            ["results"] = new JsonArray([.. page.Select(w => (JsonNode)w.DeepClone())]),
        });
    }
}
