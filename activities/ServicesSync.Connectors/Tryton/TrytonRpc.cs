using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ServicesSync.Connections;
using ServicesSync.Errors;

namespace ServicesSync.Connectors.Tryton;

/// <summary>
/// JSON-RPC calls to Tryton through the shared pipeline. Tryton answers errors with HTTP 200 and
/// an <c>error</c> member, so the body is checked here. Calls of one connection run one at a
/// time: the SQLite backend fails concurrent writes (a numbering race), and a connection cannot
/// know which backend it talks to.
/// </summary>
public sealed class TrytonRpc(IConnectionHttp http)
{
    private static readonly string[] ReadOnlyMethods = ["search", "read", "search_read", "search_count", "fields_get", "get_preferences"];

    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string ETag, JsonObject Context)> contexts = new(StringComparer.Ordinal);

    /// <summary>Calls <paramref name="method"/> with <paramref name="parameters"/> as they are; returns its <c>result</c>.</summary>
    public async Task<JsonNode?> CallAsync(Connection connection, string method, JsonArray parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
        var gate = gates.GetOrAdd(connection.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var body = new JsonObject { ["id"] = 1, ["method"] = method, ["params"] = parameters.DeepClone() };
            var request = new ConnectionRequest(HttpMethod.Post, Path(connection))
            {
                Body = body,
                Idempotent = ReadOnlyMethods.Any(m => method.EndsWith("." + m, StringComparison.Ordinal)) || method.StartsWith("common.", StringComparison.Ordinal),
            };
            var response = await http.SendAsync(connection, request, cancellationToken).ConfigureAwait(false);
            if (response.Body is JsonObject reply && reply["error"] is { } error)
            {
                throw Failure(connection, method, error);
            }

            return response.Body is JsonObject ok ? ok["result"]?.DeepClone() : null;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Calls <c>model.{model}.{method}</c> with the user's context appended, as Tryton's clients do.</summary>
    public async Task<JsonNode?> ModelAsync(Connection connection, string model, string method, JsonArray arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var context = await ContextAsync(connection, cancellationToken).ConfigureAwait(false);
        var parameters = arguments.DeepClone().AsArray();
        parameters.Add(context.DeepClone());
        return await CallAsync(connection, $"model.{model}.{method}", parameters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The user's preferences (company, language), which every model call carries as its context.</summary>
    public async Task<JsonObject> ContextAsync(Connection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (contexts.TryGetValue(connection.Id, out var cached) && cached.ETag == connection.ETag)
        {
            return cached.Context;
        }

        var result = await CallAsync(connection, "model.res.user.get_preferences", new JsonArray(true, new JsonObject()), cancellationToken).ConfigureAwait(false);
        var context = result as JsonObject ?? new JsonObject();
        contexts[connection.Id] = (connection.ETag, context);
        return context;
    }

    /// <summary>Forgets the cached context (after the user's company changed).</summary>
    public void Forget(Connection connection) => contexts.TryRemove(connection.Id, out _);

    public async Task<int[]> SearchAsync(Connection connection, string model, JsonArray domain, CancellationToken cancellationToken)
        => TrytonValues.ReadIds(await ModelAsync(connection, model, "search", new JsonArray(domain, 0, null, null), cancellationToken).ConfigureAwait(false));

    public async Task<JsonArray> ReadAsync(Connection connection, string model, IEnumerable<int> ids, IEnumerable<string> fields, CancellationToken cancellationToken)
    {
        var result = await ModelAsync(
            connection, model, "read",
            new JsonArray(new JsonArray([.. ids.Select(i => JsonValue.Create(i))]), new JsonArray([.. fields.Select(f => JsonValue.Create(f))])),
            cancellationToken).ConfigureAwait(false);
        return result as JsonArray ?? [];
    }

    public async Task<int> CreateAsync(Connection connection, string model, JsonObject values, CancellationToken cancellationToken)
    {
        var result = await ModelAsync(connection, model, "create", new JsonArray(new JsonArray(values.DeepClone())), cancellationToken).ConfigureAwait(false);
        return TrytonValues.ReadIds(result) is [var id]
            ? id
            : throw new ServicesSyncException($"Connection '{connection.Id}': Tryton's {model}.create answered without one id.", ErrorKind.Permanent);
    }

    internal static string Path(Connection connection)
        => Uri.EscapeDataString(connection.Definition.Auth.Database ?? connection.Definition.Properties.GetValueOrDefault("database") ?? "") + "/";

    private static ServicesSyncException Failure(Connection connection, string method, JsonNode error)
    {
        // ["UserError", [message, description, domain]] or ["Some message", ""]; never the request.
        var name = error is JsonArray { Count: > 0 } parts && parts[0] is JsonValue first ? first.ToString() : error.ToJsonString();
        var detail = error is JsonArray { Count: > 1 } more && more[1] is JsonArray args && args.Count > 0 && args[0] is JsonValue message
            ? message.ToString()
            : "";
        var text = $"Connection '{connection.Id}' (tryton): {method} failed: {name}{(detail.Length == 0 ? "" : ": " + detail)}";
        text = text.Length > 600 ? text[..600] + "…" : text;
        return name switch
        {
            // Another transaction got there first, or the database was busy: worth another try.
            "ConcurrencyException" or "DatabaseOperationalError" or "TimeoutException" => new ServicesSyncException(text, ErrorKind.Transient),
            "AccessError" or "LoginException" or "RateLimitException" => new ServicesSyncException(text, ErrorKind.Configuration),
            "UserError" or "UserWarning" or "ValidationError" or "RequiredValidationError" or "DomainValidationError"
                or "SelectionValidationError" or "SizeValidationError" or "DigitsValidationError" or "ForeignKeyError" => new ServicesSyncException(text, ErrorKind.Validation),
            _ => new ServicesSyncException(text, ErrorKind.Permanent),
        };
    }
}
