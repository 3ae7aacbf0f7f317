using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>Maps a won opportunity to the canonical customer and project/contract.</summary>
[Activity(
    ServicesActivityTypes.MapSalesforceDeal,
    Category = "Transform",
    DisplayName = "Map Salesforce deal",
    Description = "Maps a won opportunity from salesforce.opportunity to { customer, project }: the account as customer, the opportunity as a planned "
        + "project/contract with its currency and amount; 'script' overrides properties of the output.")]
internal sealed class MapSalesforceDealActivity : Activity<MapSalesforceDealInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(MapSalesforceDealInputs inputs, ActivityContext context)
    {
        var source = inputs.Source ?? context.Input as JsonObject
            ?? throw context.InvalidInput("source", $"must be the output of salesforce.opportunity; the message is {ActivityErrors.Describe(context.Input)}.");
        try
        {
            var (customer, project) = SalesforceDealMapper.Map(source, inputs.Currency, inputs.BillingType);
            var output = new JsonObject { ["customer"] = CanonicalJson.ToNode(customer), ["project"] = CanonicalJson.ToNode(project) };
            foreach (var (name, value) in inputs.Script ?? [])
            {
                output[name] = value?.DeepClone();
            }

            CanonicalJson.FromNode<Customer>(output["customer"], $"Activity '{context.ActivityId}': output 'customer'");
            CanonicalJson.FromNode<Project>(output["project"], $"Activity '{context.ActivityId}': output 'project'");
            return ValueTask.FromResult(ActivityResult.Done(output));
        }
        catch (ServicesSyncException ex) when (ex.Kind == ErrorKind.Validation && !ex.Message.StartsWith("Activity '", StringComparison.Ordinal))
        {
            throw context.Invalid(ex.Message, ex);
        }
    }
}
