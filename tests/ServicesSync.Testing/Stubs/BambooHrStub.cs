using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServicesSync.Testing.Stubs;

/// <summary>
/// BambooHR's API as documented, under <c>/api/gateway.php/{company}/v1/</c>: HTTP Basic with the
/// API key as user name (any password), else 401 with no body; <c>GET employees/{id}?fields=…</c>
/// answers only the requested fields the record has (others silently left out), 404 with an
/// empty body and <c>X-BambooHR-Error-Message</c> for an unknown id; <c>GET employees/changed?since=…</c>
/// answers <c>{ latest, employees: { id: { id, action, lastChanged } } }</c>. Faults come from
/// <see cref="StubServer.Enqueue"/>.
/// </summary>
public sealed class BambooHrStub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, JsonObject> employees = new(StringComparer.Ordinal);
    private readonly List<JsonObject> changes = [];

    private BambooHrStub(string company, string apiKey)
    {
        Company = company;
        ApiKey = apiKey;
    }

    public StubServer Server { get; private set; } = null!;

    public string Company { get; }

    public string ApiKey { get; }

    public static async Task<BambooHrStub> StartAsync(string company, string apiKey)
    {
        var stub = new BambooHrStub(company, apiKey);
        stub.Server = await StubServer.StartAsync(stub.HandleAsync);
        return stub;
    }

    /// <summary>Adds an employee record (its fields by BambooHR name, <c>id</c> included).</summary>
    public BambooHrStub AddEmployee(JsonObject employee)
    {
        employees[(string)employee["id"]!] = employee;
        return this;
    }

    /// <summary>Adds a change the changed-employees report lists (<c>Inserted</c>, <c>Updated</c>, <c>Deleted</c>).</summary>
    public BambooHrStub AddChange(string id, string action, DateTimeOffset lastChanged)
    {
        lock (changes)
        {
            changes.Add(new JsonObject { ["id"] = id, ["action"] = action, ["lastChanged"] = lastChanged.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) });
        }

        return this;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string body)
    {
        // The key is the user name; BambooHR ignores the password.
        if (StubHttp.BasicUser(context) != ApiKey)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var prefix = $"/api/gateway.php/{Company}/v1/";
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            await NotFoundAsync(context, "Unknown company or path.");
            return;
        }

        var rest = path[prefix.Length..];
        if (rest == "employees/changed")
        {
            await ChangedAsync(context);
        }
        else if (rest.StartsWith("employees/", StringComparison.Ordinal) && employees.TryGetValue(rest["employees/".Length..], out var employee))
        {
            var answer = new JsonObject { ["id"] = employee["id"]?.DeepClone() };
            foreach (var field in StubHttp.Query(context, "fields").Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (employee.TryGetPropertyValue(field, out var value))
                {
                    answer[field] = value?.DeepClone();
                }
            }

            await StubHttp.Json(context, 200, answer);
        }
        else
        {
            await NotFoundAsync(context, "Employee not found.");
        }
    }

    private Task ChangedAsync(HttpContext context)
    {
        if (!DateTimeOffset.TryParse(StubHttp.Query(context, "since"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var since))
        {
            context.Response.StatusCode = 400;
            context.Response.Headers["X-BambooHR-Error-Message"] = "Invalid 'since' parameter.";
            return Task.CompletedTask;
        }

        var type = StubHttp.Query(context, "type");
        var listed = new JsonObject();
        var latest = since;
        lock (changes)
        {
            foreach (var change in changes)
            {
                var at = DateTimeOffset.Parse((string)change["lastChanged"]!, System.Globalization.CultureInfo.InvariantCulture);
                var action = (string)change["action"]!;
                if (at > since && (type.Length == 0 || action.StartsWith(type, StringComparison.OrdinalIgnoreCase)))
                {
                    listed[(string)change["id"]!] = change.DeepClone();
                    latest = at > latest ? at : latest;
                }
            }
        }

        return StubHttp.Json(context, 200, new JsonObject
        {
            ["latest"] = latest.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["employees"] = listed,
        });
    }

    private static Task NotFoundAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.Headers["X-BambooHR-Error-Message"] = message;
        return Task.CompletedTask;
    }
}
