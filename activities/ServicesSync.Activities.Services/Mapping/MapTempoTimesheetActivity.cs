using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>Maps an approved Tempo period to canonical time entries with Tempo's billable seconds and local dates.</summary>
[Activity(
    ServicesActivityTypes.MapTempoTimesheet,
    Category = "Transform",
    DisplayName = "Map Tempo timesheet",
    Description = "Maps the output of tempo.approval to { entries: [canonical time entries] }: Tempo's local start date is the work date, billableSeconds "
        + "is kept, the period's approval applies to every entry; 'script' overrides properties of the output.")]
internal sealed class MapTempoTimesheetActivity : Activity<MapTempoTimesheetInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(MapTempoTimesheetInputs inputs, ActivityContext context)
    {
        var source = inputs.Source ?? context.Input as JsonObject
            ?? throw context.InvalidInput("source", $"must be the output of tempo.approval; the message is {ActivityErrors.Describe(context.Input)}.");
        ExternalRef? project = null;
        if (!string.IsNullOrWhiteSpace(inputs.Project) && !ExternalRef.TryParse(inputs.Project, out project))
        {
            throw context.InvalidInput("project", $"'{inputs.Project}' is not of the form system:id, e.g. jira:ACME.");
        }

        if (!string.IsNullOrWhiteSpace(inputs.TimeZone))
        {
            LocalWorkDate.Find(inputs.TimeZone);
        }

        try
        {
            var entries = TempoTimesheetMapper.Map(source, inputs.Issues, project, string.IsNullOrWhiteSpace(inputs.TimeZone) ? null : inputs.TimeZone);
            var output = new JsonObject { ["entries"] = CanonicalJson.ToNode(entries) };
            foreach (var (name, value) in inputs.Script ?? [])
            {
                output[name] = value?.DeepClone();
            }

            // Read back, so an override cannot hand invalid entries downstream.
            CanonicalJson.FromNode<List<TimeEntry>>(output["entries"], $"Activity '{context.ActivityId}': output 'entries'");
            return ValueTask.FromResult(ActivityResult.Done(output));
        }
        catch (ServicesSyncException ex) when (ex.Kind == ErrorKind.Validation && !ex.Message.StartsWith("Activity '", StringComparison.Ordinal))
        {
            throw context.Invalid(ex.Message, ex);
        }
    }
}
