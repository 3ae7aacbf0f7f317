using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Canonical;
using ServicesSync.Connections;
using ServicesSync.Errors;

namespace ServicesSync.Connectors.Common;

/// <summary>Steps every connector activity shares: find its connection, read its canonical input, name its errors.</summary>
internal static class ConnectorContext
{
    /// <summary>The connection named by the activity's <c>connection</c> input, checked to be of an accepted type.</summary>
    public static async Task<Connection> ConnectionAsync(
        this ActivityContext context, IConnectionService connections, string? id, params string[] acceptedTypes)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw context.Invalid("connection", "is required: the id of a connection (see GET /api/v1/connections).");
        }

        var connection = await connections.GetAsync(id, context.CancellationToken).ConfigureAwait(false);
        if (acceptedTypes.Length > 0 && !acceptedTypes.Contains(connection.Type, StringComparer.Ordinal))
        {
            throw new ServicesSyncException(
                $"Activity '{context.ActivityId}' ({context.ActivityType}): connection '{id}' is of type '{connection.Type}', "
                + $"but this activity needs {string.Join(" or ", acceptedTypes.Select(t => $"'{t}'"))}.",
                ErrorKind.Configuration);
        }

        return connection;
    }

    /// <summary>A canonical entity from an input, or from the incoming message when the input is not set.</summary>
    public static T Canonical<T>(this ActivityContext context, JsonNode? input, string inputName)
    {
        var node = input ?? context.Input;
        var what = input is null
            ? $"Activity '{context.ActivityId}' ({context.ActivityType}): the incoming message (input '{inputName}' is not set)"
            : $"Activity '{context.ActivityId}' ({context.ActivityType}): input '{inputName}'";
        return CanonicalJson.FromNode<T>(node, what);
    }

    public static T Require<T>(this ActivityContext context, T? value, string input)
        where T : class
        => value ?? throw context.Invalid(input, "is required.");

    public static T Require<T>(this ActivityContext context, T? value, string input)
        where T : struct
        => value ?? throw context.Invalid(input, "is required.");

    public static ServicesSyncException Invalid(this ActivityContext context, string input, string problem)
        => new($"Activity '{context.ActivityId}' ({context.ActivityType}): input '{input}' {problem}", ErrorKind.Validation);

    /// <summary>The output of the unmapped outcome: what could not be found where.</summary>
    public static ActivityResult Unmapped(string system, IEnumerable<string> missing, JsonNode? message)
        => ActivityResult.Outcome(ConnectorOutcomes.Unmapped, new JsonObject
        {
            ["system"] = system,
            ["missing"] = new JsonArray([.. missing.Select(m => JsonValue.Create(m))]),
            ["message"] = message?.DeepClone(),
        });
}
