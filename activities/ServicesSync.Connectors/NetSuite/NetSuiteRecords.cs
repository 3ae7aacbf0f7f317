using System.Text.Json.Nodes;
using ServicesSync.Connections;
using ServicesSync.Errors;

namespace ServicesSync.Connectors.NetSuite;

/// <summary>
/// NetSuite's REST record API (<c>/services/rest/record/v1</c>). Writes are upserts by external
/// id — <c>PUT …/{type}/eid:{externalId}</c> creates the record or updates the one with that id —
/// so a repeated post changes nothing new, whether it comes from a retry, a resume or a replay.
/// </summary>
public sealed class NetSuiteRecords(IConnectionHttp http)
{
    public const string BasePath = "services/rest/record/v1/";

    /// <summary>Upserts; outputs <c>{ recordType, externalId, internalId? }</c> (the id comes from the Location header of a create).</summary>
    public async Task<JsonObject> UpsertAsync(Connection connection, string recordType, string externalId, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(externalId))
        {
            throw new ServicesSyncException($"NetSuite {recordType}: the external id is empty; an upsert needs one.", ErrorKind.Validation);
        }

        var response = await http.SendAsync(
            connection,
            new ConnectionRequest(HttpMethod.Put, $"{BasePath}{recordType}/eid:{Uri.EscapeDataString(externalId)}") { Body = body, Idempotent = true },
            cancellationToken).ConfigureAwait(false);
        var output = new JsonObject { ["recordType"] = recordType, ["externalId"] = externalId, ["status"] = response.Status };
        if (response.Headers.TryGetValue("location", out var location))
        {
            output["internalId"] = location.TrimEnd('/').Split('/')[^1];
        }

        return output;
    }

    /// <summary>The record with that external id, or null.</summary>
    public async Task<JsonNode?> GetAsync(Connection connection, string recordType, string externalId, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(
            connection,
            new ConnectionRequest(HttpMethod.Get, $"{BasePath}{recordType}/eid:{Uri.EscapeDataString(externalId)}") { AcceptStatus = [404] },
            cancellationToken).ConfigureAwait(false);
        return response.Status == 404 ? null : response.Body;
    }

    /// <summary>A reference field by external id, as the record API accepts it.</summary>
    public static JsonObject Ref(string externalId) => new() { ["externalId"] = externalId };
}
