using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Connections;

namespace ServicesSync.Connectors.Redmine;

/// <summary>Redmine's REST API as the connectors use it: JSON, numeric ids, pages of at most 100.</summary>
public sealed class RedmineApi(IConnectionHttp http)
{
    public const int PageSize = 100;

    public async Task<JsonNode?> GetAsync(Connection connection, string path, IReadOnlyDictionary<string, string>? query, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        var response = await http.SendAsync(
            connection,
            new ConnectionRequest(HttpMethod.Get, path) { Query = query, AcceptStatus = notFoundIsNull ? [404] : null },
            cancellationToken).ConfigureAwait(false);
        return response.Status == 404 ? null : response.Body;
    }

    public async Task<JsonNode?> PostAsync(Connection connection, string path, JsonObject body, CancellationToken cancellationToken)
        => (await http.SendAsync(connection, new ConnectionRequest(HttpMethod.Post, path) { Body = body }, cancellationToken).ConfigureAwait(false)).Body;

    /// <summary>Every item of a paged list (<c>offset</c>/<c>limit</c>/<c>total_count</c>), page by page.</summary>
    public async Task<JsonArray> ListAllAsync(
        Connection connection, string path, string member, Dictionary<string, string> query, CancellationToken cancellationToken, int pageSize = PageSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        var items = new JsonArray();
        for (var offset = 0; ; offset += pageSize)
        {
            query["offset"] = offset.ToString(CultureInfo.InvariantCulture);
            query["limit"] = pageSize.ToString(CultureInfo.InvariantCulture);
            var page = await GetAsync(connection, path, query, cancellationToken).ConfigureAwait(false);
            var batch = page?[member] as JsonArray ?? [];
            foreach (var item in batch)
            {
                items.Add(item?.DeepClone());
            }

            var total = (int?)page?["total_count"] ?? 0;
            if (batch.Count == 0 || offset + batch.Count >= total)
            {
                return items;
            }
        }
    }
}
