using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Canonical;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;

namespace ServicesSync.Connectors.Tryton;

/// <summary>
/// Makes sure a canonical project exists in Tryton as a project invoiced on timesheets, with its
/// customer as the party; never rewrites an existing one (the ERP owns its billing settings).
/// </summary>
[Activity(
    ConnectorActivityTypes.TrytonEnsureProject,
    Category = "Connectors",
    DisplayName = "Tryton: ensure project",
    Description = "Creates the project (and its customer party) unless they exist; outputs { projectId, created, customerPartyId, key }.",
    Outcomes = [ActivityOutcomes.Done, ConnectorOutcomes.Unmapped])]
internal sealed class TrytonEnsureProjectActivity(IConnectionService connections, TrytonErp erp, CrossReferences xref) : Activity<TrytonEnsureProjectInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(TrytonEnsureProjectInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Tryton);
        var project = context.Canonical<Project>(inputs.Project, "project");
        var key = CrossReferences.KeyOf(project.Id, project.Refs)
            ?? throw context.Invalid("project", "has neither an id nor a reference, so a repeated post could not be recognised.");
        var ct = context.CancellationToken;
        int? party = null;
        if (inputs.Customer is not null)
        {
            var customer = context.Canonical<Customer>(inputs.Customer, "customer");
            var customerKey = CrossReferences.KeyOf(customer.Id, customer.Refs)
                ?? throw context.Invalid("customer", "has neither an id nor a reference.");
            party = (await erp.EnsurePartyAsync(connection, customerKey.ToString(), customer.Name, ct)).Id;
        }
        else if (project.Customer is { } customerRef)
        {
            var found = await erp.Rpc.SearchAsync(connection, "party.party", new JsonArray(TrytonValues.Clause("code", "=", customerRef.ToString())), ct);
            if (found.Length == 0)
            {
                return ConnectorContext.Unmapped(TargetSystem.Of(connection), [$"customer {customerRef}"], context.Input);
            }

            party = found[0];
        }

        var product = inputs.Product ?? ProductOf(connection);
        var (id, created) = await erp.EnsureWorkAsync(connection, key.ToString(), project.Name, null, party, product, inputs.HourlyRate, ct);
        await xref.LinkAsync(CanonicalEntities.Project, project.Id, TargetSystem.Of(connection), id.ToString(CultureInfo.InvariantCulture), ct);
        return ActivityResult.Done(new JsonObject { ["projectId"] = id, ["created"] = created, ["customerPartyId"] = party, ["key"] = key.ToString() });
    }

    internal static int? ProductOf(Connection connection)
        => connection.Definition.Properties.TryGetValue("productId", out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var id) ? id : null;
}

internal sealed class TrytonEnsureProjectInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a tryton connection.")]
    public string? Connection { get; set; }

    [Input(Description = "The canonical project; the incoming message when not set.")]
    public JsonNode? Project { get; set; }

    [Input(Description = "The canonical customer, created as a party when missing. When not set, the project's customer reference must already be a party code.")]
    public JsonNode? Customer { get; set; }

    [Input(Description = "Tryton id of the service product billed; defaults to the connection's productId property.")]
    public int? Product { get; set; }

    [Input(Description = "Hourly price of the project's timesheets, in the company currency.")]
    public decimal? HourlyRate { get; set; }
}
