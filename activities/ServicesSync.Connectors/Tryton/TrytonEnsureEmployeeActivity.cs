using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Canonical;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;

namespace ServicesSync.Connectors.Tryton;

/// <summary>Makes sure a canonical worker exists as a Tryton employee (party code = the worker's key); never rewrites one.</summary>
[Activity(
    ConnectorActivityTypes.TrytonEnsureEmployee,
    Category = "Connectors",
    DisplayName = "Tryton: ensure employee",
    Description = "Creates the worker as a Tryton employee unless one with its key exists; outputs { employeeId, created, key }.")]
internal sealed class TrytonEnsureEmployeeActivity(IConnectionService connections, TrytonErp erp, CrossReferences xref) : Activity<TrytonEnsureEmployeeInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(TrytonEnsureEmployeeInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Tryton);
        var worker = context.Canonical<Worker>(inputs.Worker, "worker");
        var key = CrossReferences.KeyOf(worker.Id, worker.Refs)
            ?? throw context.Invalid("worker", "has neither an id nor a reference, so a repeated post could not be recognised.");
        var name = worker.DisplayName.GetValueOrDefault(null)
            ?? string.Join(' ', new[] { worker.GivenName.GetValueOrDefault(null), worker.FamilyName.GetValueOrDefault(null) }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var periods = worker.EmploymentPeriods.GetValueOrDefault(null);
        var start = periods is { Count: > 0 } ? periods[^1].Start : worker.OriginalHireDate.GetValueOrDefault(null);
        var (id, created) = await erp.EnsureEmployeeAsync(connection, key.ToString(), name.Length > 0 ? name : key.ToString(), start, context.CancellationToken);
        await xref.LinkAsync(CanonicalEntities.Worker, worker.Id, TargetSystem.Of(connection), id.ToString(System.Globalization.CultureInfo.InvariantCulture), context.CancellationToken);
        return ActivityResult.Done(new JsonObject { ["employeeId"] = id, ["created"] = created, ["key"] = key.ToString() });
    }
}

internal sealed class TrytonEnsureEmployeeInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a tryton connection.")]
    public string? Connection { get; set; }

    [Input(Description = "The canonical worker; the incoming message when not set.")]
    public JsonNode? Worker { get; set; }
}
