using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Http;
using ServicesSync.Connections;

namespace ServicesSync.Activities.Services.Workday;

/// <summary>
/// Reads workers from Workday through a connection, every page, normalized like
/// <c>workday.parseWorkers</c>: from the REST API (<c>GET /workers</c> by limit and offset, or
/// <c>GET /workers/{id}</c>), whose summary has no hire or termination dates, or from the SOAP
/// Get_Workers operation (pages by number), which has them and serves the change pull.
/// </summary>
[Activity(
    ServicesActivityTypes.WorkdayGetWorkers,
    Category = "HR",
    DisplayName = "Workday get workers",
    Description = "Reads workers through a workday connection: REST /workers (or one worker by WID) or SOAP Get_Workers with a transaction-log window "
        + "(the change pull), every page. Outputs { workers (as workday.parseWorkers), totalResults, complete }; an unknown WID goes to 'notFound'.",
    Outcomes = [ActivityOutcomes.Done, WorkdayOutcomes.NotFound])]
internal sealed class GetWorkersActivity(VendorApi api) : Activity<GetWorkersInputs>
{
    private const int MaxRestPageSize = 100;
    private const int MaxSoapPageSize = 999;

    protected override async ValueTask<ActivityResult> ExecuteAsync(GetWorkersInputs inputs, ActivityContext context)
    {
        var maxPageSize = inputs.Api == WorkersApi.Soap ? MaxSoapPageSize : MaxRestPageSize;
        if (inputs.PageSize < 1 || inputs.PageSize > maxPageSize)
        {
            throw context.InvalidInput("pageSize", $"must be from 1 to {maxPageSize} (Workday's limit for {inputs.Api.ToString().ToLowerInvariant()}); got {inputs.PageSize}.");
        }

        if (inputs.MaxPages < 1)
        {
            throw context.InvalidInput("maxPages", $"must be 1 or more; got {inputs.MaxPages}.");
        }

        var connection = await api.ConnectionAsync(context, inputs.Connection, ConnectionTypes.Workday);
        return inputs.Api == WorkersApi.Soap ? await SoapAsync(connection, inputs, context) : await RestAsync(connection, inputs, context);
    }

    private async Task<ActivityResult> RestAsync(Connection connection, GetWorkersInputs inputs, ActivityContext context)
    {
        if (!string.IsNullOrWhiteSpace(inputs.WorkerId))
        {
            var worker = await api.GetJsonAsync(
                connection, WorkdayApi.Path(connection, $"workers/{Uri.EscapeDataString(inputs.WorkerId.Trim())}"), null, context.CancellationToken, notFound: 404);
            return worker is null
                ? ActivityResult.Outcome(WorkdayOutcomes.NotFound, new JsonObject { ["workerId"] = inputs.WorkerId, ["found"] = false })
                : ActivityResult.Done(Complete(WorkdayWorkersParser.ParseRest(worker), true));
        }

        var items = new JsonArray();
        long? total = null;
        for (var page = 0; page < inputs.MaxPages; page++)
        {
            var query = new Dictionary<string, string>
            {
                ["limit"] = inputs.PageSize.ToString(CultureInfo.InvariantCulture),
                ["offset"] = items.Count.ToString(CultureInfo.InvariantCulture),
            };
            if (!string.IsNullOrWhiteSpace(inputs.Search))
            {
                query["search"] = inputs.Search.Trim();
            }

            var answer = await api.GetJsonAsync(connection, WorkdayApi.Path(connection, "workers"), query, context.CancellationToken);
            var data = answer?["data"] as JsonArray ?? [];
            total = JsonValues.Long(answer?["total"]) ?? total;
            foreach (var item in data)
            {
                items.Add(item?.DeepClone());
            }

            if (data.Count == 0 || items.Count >= (total ?? long.MaxValue) || data.Count < inputs.PageSize)
            {
                return ActivityResult.Done(Complete(WorkdayWorkersParser.ParseRest(new JsonObject { ["total"] = total ?? items.Count, ["data"] = items }), true));
            }
        }

        return ActivityResult.Done(Complete(WorkdayWorkersParser.ParseRest(new JsonObject { ["total"] = total, ["data"] = items }), false));
    }

    private async Task<ActivityResult> SoapAsync(Connection connection, GetWorkersInputs inputs, ActivityContext context)
    {
        var service = WorkdaySoapRequest.ServicePath(connection, inputs.Service)
            ?? throw context.InvalidInput("service", $"is required when connection '{connection.Id}' has no property '{WorkdayApi.TenantProperty}': name the Human_Resources service path.");
        var from = Instant(inputs.UpdatedFrom, "updatedFrom", context);
        var through = Instant(inputs.UpdatedThrough, "updatedThrough", context);
        if ((from is null) != (through is null))
        {
            throw context.InvalidInput(from is null ? "updatedFrom" : "updatedThrough", "is required too: a change window needs both updatedFrom and updatedThrough.");
        }

        var workers = new JsonArray();
        long total = 0;
        for (var page = 1; page <= inputs.MaxPages; page++)
        {
            var text = await api.PostXmlAsync(connection, service, WorkdaySoapRequest.GetWorkers(inputs, from, through, page), "Get_Workers", context.CancellationToken);
            var answer = WorkdayWorkersParser.Parse(text);
            foreach (var worker in answer["workers"] as JsonArray ?? [])
            {
                workers.Add(worker?.DeepClone());
            }

            total = JsonValues.Long(answer["totalResults"]) ?? workers.Count;
            if (page >= (JsonValues.Long(answer["totalPages"]) ?? 1))
            {
                return ActivityResult.Done(new JsonObject { ["workers"] = workers, ["totalResults"] = total, ["complete"] = true });
            }
        }

        return ActivityResult.Done(new JsonObject { ["workers"] = workers, ["totalResults"] = total, ["complete"] = false });
    }

    private static DateTimeOffset? Instant(string? value, string input, ActivityContext context)
        => string.IsNullOrWhiteSpace(value)
            ? null
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && value.Contains('T', StringComparison.Ordinal)
                ? instant
                : throw context.InvalidInput(input, $"must be an ISO 8601 instant such as 2026-03-17T11:00:00Z; got '{value}'.");

    private static JsonObject Complete(JsonObject output, bool complete)
    {
        output["complete"] = complete;
        return output;
    }
}
