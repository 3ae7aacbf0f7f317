using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Canonical;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;

namespace ServicesSync.Connectors.Tryton;

/// <summary>
/// Creates the draft invoice of a project's uninvoiced timesheets (Tryton's project.work.invoice)
/// and outputs its amounts. Repeating it invoices nothing twice: invoiced lines are skipped.
/// </summary>
[Activity(
    ConnectorActivityTypes.TrytonInvoiceProject,
    Category = "Connectors",
    DisplayName = "Tryton: invoice project",
    Description = "Invoices the project's uninvoiced timesheet lines; outputs { projectId, invoices: [{ id, state, untaxedAmount, totalAmount }], untaxedAmount }.",
    Outcomes = [ActivityOutcomes.Done, ConnectorOutcomes.Unmapped])]
internal sealed class TrytonInvoiceProjectActivity(IConnectionService connections, TrytonErp erp, CrossReferences xref) : Activity<TrytonInvoiceProjectInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(TrytonInvoiceProjectInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Tryton);
        if (!ExternalRef.TryParse(inputs.Project, out var reference))
        {
            throw context.Invalid("project", "must be a reference of the form system:id, e.g. tryton:12 or canonical:p-1.");
        }

        var project = await TrytonRefs.WorkAsync(connection, erp, xref, CanonicalEntities.Project, reference, context.CancellationToken);
        if (project is null)
        {
            return ConnectorContext.Unmapped(TargetSystem.Of(connection), [$"project {reference}"], context.Input);
        }

        var invoices = await erp.InvoiceProjectAsync(connection, project.Value, context.CancellationToken);
        var total = invoices.Sum(i => (decimal?)i?["untaxedAmount"] ?? 0m);
        return ActivityResult.Done(new JsonObject
        {
            ["projectId"] = project.Value,
            ["invoices"] = invoices,
            ["untaxedAmount"] = total,
            ["projectRef"] = reference.ToString(),
        });
    }
}

internal sealed class TrytonInvoiceProjectInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a tryton connection.")]
    public string? Connection { get; set; }

    [Input(Required = true, Description = "The project as system:id: tryton:12, or any reference linked in the cross-reference table.")]
    public string? Project { get; set; }
}
