using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Canonical;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;

namespace ServicesSync.Connectors.Tryton;

/// <summary>Makes sure a canonical task exists under its project in Tryton; never rewrites an existing one.</summary>
[Activity(
    ConnectorActivityTypes.TrytonEnsureTask,
    Category = "Connectors",
    DisplayName = "Tryton: ensure task",
    Description = "Creates the task under its project unless it exists; outputs { taskId, projectId, created, key }. Unmapped when the project is not in Tryton yet.",
    Outcomes = [ActivityOutcomes.Done, ConnectorOutcomes.Unmapped])]
internal sealed class TrytonEnsureTaskActivity(IConnectionService connections, TrytonErp erp, CrossReferences xref) : Activity<TrytonEnsureTaskInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(TrytonEnsureTaskInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Tryton);
        var task = context.Canonical<ProjectTask>(inputs.Task, "task");
        var key = CrossReferences.KeyOf(task.Id, task.Refs)
            ?? throw context.Invalid("task", "has neither an id nor a reference, so a repeated post could not be recognised.");
        var ct = context.CancellationToken;
        var project = await TrytonRefs.WorkAsync(connection, erp, xref, CanonicalEntities.Project, task.Project, ct);
        if (project is null)
        {
            return ConnectorContext.Unmapped(TargetSystem.Of(connection), [$"project {task.Project}"], context.Input);
        }

        var product = inputs.Product ?? TrytonEnsureProjectActivity.ProductOf(connection);
        var (id, created) = await erp.EnsureWorkAsync(connection, key.ToString(), task.Name, project, null, product, inputs.HourlyRate, ct);
        await xref.LinkAsync(CanonicalEntities.Task, task.Id, TargetSystem.Of(connection), id.ToString(CultureInfo.InvariantCulture), ct);
        return ActivityResult.Done(new JsonObject { ["taskId"] = id, ["projectId"] = project, ["created"] = created, ["key"] = key.ToString() });
    }
}

internal sealed class TrytonEnsureTaskInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a tryton connection.")]
    public string? Connection { get; set; }

    [Input(Description = "The canonical task; the incoming message when not set.")]
    public JsonNode? Task { get; set; }

    [Input(Description = "Tryton id of the service product billed; defaults to the connection's productId property.")]
    public int? Product { get; set; }

    [Input(Description = "Hourly price of the task's timesheets, in the company currency.")]
    public decimal? HourlyRate { get; set; }
}
