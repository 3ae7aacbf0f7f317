using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Canonical;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;

namespace ServicesSync.Connectors.Tryton;

/// <summary>
/// Posts a canonical time entry as a Tryton timesheet line, exactly once per source entry: the
/// line's UUID is derived from the entry's source system and id and looked up before creating.
/// </summary>
[Activity(
    ConnectorActivityTypes.TrytonPostTimeEntry,
    Category = "Connectors",
    DisplayName = "Tryton: post time entry",
    Description = "Creates a timesheet line for the entry unless its source entry was posted before; outputs { lineId, created, uuid, seconds }. "
        + "Unmapped when the worker or the task/project is not in Tryton yet.",
    Outcomes = [ActivityOutcomes.Done, ConnectorOutcomes.Unmapped])]
internal sealed class TrytonPostTimeEntryActivity(IConnectionService connections, TrytonErp erp, CrossReferences xref) : Activity<TrytonPostTimeEntryInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(TrytonPostTimeEntryInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Tryton);
        var entry = context.Canonical<TimeEntry>(inputs.Entry, "entry");
        var ct = context.CancellationToken;
        var uuid = TrytonErp.LineUuid(entry.Source);
        if (await erp.FindTimesheetLineAsync(connection, uuid, ct) is { } posted)
        {
            return ActivityResult.Done(Output(posted, created: false, uuid, null));
        }

        var employee = inputs.Employee ?? await TrytonRefs.EmployeeAsync(connection, erp, xref, entry.Worker, ct);
        var workRef = entry.Task ?? entry.Project;
        var work = await TrytonRefs.WorkAsync(connection, erp, xref, entry.Task is null ? CanonicalEntities.Project : CanonicalEntities.Task, workRef, ct);
        var missing = new List<string>();
        if (employee is null)
        {
            missing.Add($"worker {entry.Worker}");
        }

        if (work is null)
        {
            missing.Add($"{(entry.Task is null ? "project" : "task")} {workRef}");
        }

        if (missing.Count > 0)
        {
            return ConnectorContext.Unmapped(TargetSystem.Of(connection), missing, context.Input);
        }

        var seconds = inputs.UseBillableSeconds ? entry.BillableSeconds ?? entry.DurationSeconds : entry.DurationSeconds;
        var timesheetWork = await erp.TimesheetWorkAsync(connection, work!.Value, ct);
        var (id, created) = await erp.PostTimesheetLineAsync(connection, entry, employee!.Value, timesheetWork, seconds, ct);
        return ActivityResult.Done(Output(id, created, uuid, seconds));
    }

    private static JsonObject Output(int id, bool created, string uuid, long? seconds)
        => new() { ["lineId"] = id, ["created"] = created, ["uuid"] = uuid, ["seconds"] = seconds };
}

internal sealed class TrytonPostTimeEntryInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a tryton connection.")]
    public string? Connection { get; set; }

    [Input(Description = "The canonical time entry; the incoming message when not set.")]
    public JsonNode? Entry { get; set; }

    [Input(Description = "Tryton employee id; by default found from the entry's worker (cross-reference or party code).")]
    public int? Employee { get; set; }

    [Input(Description = "Post the billable seconds when the source states them (the timesheet is what Tryton invoices); off posts the full duration.")]
    public bool UseBillableSeconds { get; set; } = true;
}
