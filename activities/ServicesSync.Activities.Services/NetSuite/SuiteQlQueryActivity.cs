using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Http;
using ServicesSync.Connections;

namespace ServicesSync.Activities.Services.NetSuite;

/// <summary>
/// Runs a SuiteQL query through a netsuite connection and reads every page: NetSuite answers at
/// most 1,000 rows per request and says <c>hasMore</c>, so a reader that stops at the first page
/// silently loses the rest (and a watermark advanced after it skips them for good).
/// </summary>
[Activity(
    ServicesActivityTypes.NetSuiteSuiteQl,
    Category = "ERP",
    DisplayName = "NetSuite SuiteQL query",
    Description = "POSTs a SuiteQL query to services/rest/query/v1/suiteql, page by page (limit/offset) while NetSuite says hasMore. "
        + "Outputs { items, count, complete }; complete is false when maxPages stopped it, so a watermark must not move past it.")]
internal sealed class SuiteQlQueryActivity(VendorApi api) : Activity<SuiteQlQueryInputs>
{
    private const string QueryPath = "services/rest/query/v1/suiteql";
    private const int MaxPageSize = 1000;

    protected override async ValueTask<ActivityResult> ExecuteAsync(SuiteQlQueryInputs inputs, ActivityContext context)
    {
        var query = context.Require(inputs.Query, "query");
        if (inputs.PageSize < 5 || inputs.PageSize > MaxPageSize)
        {
            throw context.InvalidInput("pageSize", $"must be from 5 to {MaxPageSize} (NetSuite's limits for SuiteQL); got {inputs.PageSize}.");
        }

        if (inputs.MaxPages < 1)
        {
            throw context.InvalidInput("maxPages", $"must be 1 or more; got {inputs.MaxPages}.");
        }

        var connection = await api.ConnectionAsync(context, inputs.Connection, ConnectionTypes.NetSuite);
        var items = new JsonArray();
        for (var page = 0; page < inputs.MaxPages; page++)
        {
            var answer = await api.PostJsonAsync(
                connection,
                QueryPath,
                new Dictionary<string, string>
                {
                    ["limit"] = inputs.PageSize.ToString(CultureInfo.InvariantCulture),
                    // NetSuite wants the offset to be a multiple of the limit, as in its own "next" links.
                    ["offset"] = (page * inputs.PageSize).ToString(CultureInfo.InvariantCulture),
                },
                new JsonObject { ["q"] = query },
                new Dictionary<string, string> { ["Prefer"] = "transient" },
                context.CancellationToken);
            var rows = answer["items"] as JsonArray ?? [];
            foreach (var row in rows)
            {
                items.Add(row?.DeepClone());
            }

            // An empty page with hasMore would loop on the same offset until maxPages: stop there.
            if (answer["hasMore"] is not JsonValue more || !more.TryGetValue<bool>(out var hasMore) || !hasMore || rows.Count == 0)
            {
                return ActivityResult.Done(Output(items, complete: true));
            }
        }

        return ActivityResult.Done(Output(items, complete: false));
    }

    private static JsonObject Output(JsonArray items, bool complete)
        => new() { ["items"] = items, ["count"] = items.Count, ["complete"] = complete };
}
