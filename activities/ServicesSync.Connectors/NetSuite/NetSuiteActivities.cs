using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Canonical;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;

namespace ServicesSync.Connectors.NetSuite;

/// <summary>Upserts a canonical worker as a NetSuite employee (external id = the worker's key).</summary>
[Activity(ConnectorActivityTypes.NetSuiteUpsertEmployee, Category = "Connectors", DisplayName = "NetSuite: upsert employee",
    Description = "PUT employee/eid:{key}; outputs { recordType, externalId, internalId? }.")]
internal sealed class NetSuiteUpsertEmployeeActivity(IConnectionService connections, NetSuiteRecords records) : Activity<NetSuiteEntityInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(NetSuiteEntityInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.NetSuite);
        var worker = context.Canonical<Worker>(inputs.Entity, "entity");
        var key = CrossReferences.KeyOf(worker.Id, worker.Refs) ?? throw context.Invalid("entity", "has neither an id nor a reference.");
        var body = new JsonObject { ["externalId"] = key.ToString() };
        // Only fields the source knows: an unknown field must not clear what NetSuite holds.
        Set(body, "firstName", worker.GivenName);
        Set(body, "lastName", worker.FamilyName);
        Set(body, "email", worker.Email);
        Set(body, "title", worker.JobTitle);
        if (worker.Status.IsProvided && worker.Status.Value is { } status)
        {
            body["isInactive"] = status is WorkerStatus.Terminated;
        }

        Merge(body, inputs.Fields);
        return ActivityResult.Done(await records.UpsertAsync(connection, "employee", key.ToString(), body, context.CancellationToken));
    }

    private static void Set(JsonObject body, string field, Optional<string?> value)
    {
        if (value.IsProvided)
        {
            body[field] = value.Value;
        }
    }

    internal static void Merge(JsonObject body, JsonObject? fields)
    {
        foreach (var (name, value) in fields ?? [])
        {
            body[name] = value?.DeepClone();
        }
    }
}

/// <summary>Upserts a canonical customer as a NetSuite customer.</summary>
[Activity(ConnectorActivityTypes.NetSuiteUpsertCustomer, Category = "Connectors", DisplayName = "NetSuite: upsert customer",
    Description = "PUT customer/eid:{key}; outputs { recordType, externalId, internalId? }.")]
internal sealed class NetSuiteUpsertCustomerActivity(IConnectionService connections, NetSuiteRecords records) : Activity<NetSuiteEntityInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(NetSuiteEntityInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.NetSuite);
        var customer = context.Canonical<Customer>(inputs.Entity, "entity");
        var key = CrossReferences.KeyOf(customer.Id, customer.Refs) ?? throw context.Invalid("entity", "has neither an id nor a reference.");
        var body = new JsonObject { ["externalId"] = key.ToString(), ["companyName"] = customer.Name, ["isInactive"] = !customer.Active };
        NetSuiteUpsertEmployeeActivity.Merge(body, inputs.Fields);
        return ActivityResult.Done(await records.UpsertAsync(connection, "customer", key.ToString(), body, context.CancellationToken));
    }
}

/// <summary>Upserts a canonical project as a NetSuite job (project) whose parent is its customer.</summary>
[Activity(ConnectorActivityTypes.NetSuiteUpsertProject, Category = "Connectors", DisplayName = "NetSuite: upsert project (job)",
    Description = "PUT job/eid:{key} with parent = the customer's external id; outputs { recordType, externalId, internalId? }.")]
internal sealed class NetSuiteUpsertProjectActivity(IConnectionService connections, NetSuiteRecords records, CrossReferences xref) : Activity<NetSuiteEntityInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(NetSuiteEntityInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.NetSuite);
        var project = context.Canonical<Project>(inputs.Entity, "entity");
        var key = CrossReferences.KeyOf(project.Id, project.Refs) ?? throw context.Invalid("entity", "has neither an id nor a reference.");
        var body = new JsonObject { ["externalId"] = key.ToString(), ["companyName"] = project.Name };
        if (project.Customer is { } customer)
        {
            body["parent"] = NetSuiteRecords.Ref(await CanonicalKeys.OfAsync(xref, CanonicalEntities.Customer, customer, context.CancellationToken));
        }

        if (project.StartDate is { } start)
        {
            body["startDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (project.EndDate is { } end)
        {
            body["projectedEndDate"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        NetSuiteUpsertEmployeeActivity.Merge(body, inputs.Fields);
        return ActivityResult.Done(await records.UpsertAsync(connection, "job", key.ToString(), body, context.CancellationToken));
    }
}

/// <summary>
/// Upserts a canonical time entry as a NetSuite time bill, keyed by its source system and id.
/// With <c>requireLinks</c>, a worker or project the cross-reference table does not know takes
/// <c>unmapped</c> (nothing is sent): NetSuite would refuse a raw <c>jira:…</c> reference, and the
/// entry belongs in suspense until someone links it, not in an incident.
/// </summary>
[Activity(ConnectorActivityTypes.NetSuiteUpsertTimeBill, Category = "Connectors", DisplayName = "NetSuite: upsert time bill",
    Description = "PUT timebill/eid:{source system:source id}: posting the same entry again changes nothing new; outputs { recordType, externalId, internalId? }. "
        + "With requireLinks, an unlinked worker or project goes to 'unmapped' with { entry, missing, reason } and nothing is sent.",
    Outcomes = [ActivityOutcomes.Done, Unmapped])]
internal sealed class NetSuiteUpsertTimeBillActivity(IConnectionService connections, NetSuiteRecords records, CrossReferences xref) : Activity<NetSuiteTimeBillInputs>
{
    public const string Unmapped = "unmapped";

    protected override async ValueTask<ActivityResult> ExecuteAsync(NetSuiteTimeBillInputs inputs, ActivityContext context)
    {
        var entry = context.Canonical<TimeEntry>(inputs.Entity, "entity");
        var ct = context.CancellationToken;
        if (inputs.RequireLinks && await MissingLinksAsync(entry, ct) is { Count: > 0 } missing)
        {
            return ActivityResult.Outcome(Unmapped, new JsonObject
            {
                ["entry"] = entry.Source.ToString(),
                ["missing"] = new JsonArray([.. missing.Select(m => (JsonNode)m)]),
                ["reason"] = $"Time entry {entry.Source} is not posted: no cross-reference links {string.Join(" and ", missing)} to a canonical record; link it (xref.link) and replay.",
            });
        }

        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.NetSuite);
        var seconds = entry.BillableSeconds ?? entry.DurationSeconds;
        var body = new JsonObject
        {
            ["externalId"] = entry.Source.ToString(),
            ["employee"] = NetSuiteRecords.Ref(await CanonicalKeys.OfAsync(xref, CanonicalEntities.Worker, entry.Worker, ct)),
            // A time bill's "customer" is the customer:job it is billed to: the project.
            ["customer"] = NetSuiteRecords.Ref(await CanonicalKeys.OfAsync(xref, CanonicalEntities.Project, entry.Project, ct)),
            ["tranDate"] = entry.WorkDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["hours"] = Math.Round(seconds / 3600m, 4),
            ["isBillable"] = entry.BillableSeconds is null or > 0,
            ["memo"] = entry.Description,
        };
        NetSuiteUpsertEmployeeActivity.Merge(body, inputs.Fields);
        return ActivityResult.Done(await records.UpsertAsync(connection, "timebill", entry.Source.ToString(), body, ct));
    }

    private async Task<List<string>> MissingLinksAsync(TimeEntry entry, CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var (entity, reference) in new[] { (CanonicalEntities.Worker, entry.Worker), (CanonicalEntities.Project, entry.Project) })
        {
            if (await xref.CanonicalIdAsync(entity, reference, ct) is null)
            {
                missing.Add($"{entity} {reference}");
            }
        }

        return missing;
    }
}

internal sealed class NetSuiteEntityInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a netsuite connection.")]
    public string? Connection { get; set; }

    [Input(Description = "The canonical entity; the incoming message when not set.")]
    public JsonNode? Entity { get; set; }

    [Input(Description = "Extra NetSuite fields merged into the record (e.g. subsidiary: { id: \"1\" }).")]
    public JsonObject? Fields { get; set; }
}
