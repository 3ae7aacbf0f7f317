using ServicesSync.Canonical;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>Maps a Jira worklog to a canonical time entry dated on the worker's local work date.</summary>
[Activity(
    ServicesActivityTypes.MapJiraWorklog,
    Category = "Transform",
    DisplayName = "Map Jira worklog",
    Description = "Maps a worklog from jira.worklogEvent to a canonical time entry. The work date is the author's LOCAL date (23:30 in Chicago stays "
        + "that day), the start keeps its instant; 'script' overrides any property.")]
internal sealed class MapJiraWorklogActivity : Activity<MapJiraWorklogInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(MapJiraWorklogInputs inputs, ActivityContext context)
    {
        var source = inputs.Source ?? context.Input as System.Text.Json.Nodes.JsonObject
            ?? throw context.InvalidInput("source", $"must be a worklog object from jira.worklogEvent; the message is {ActivityErrors.Describe(context.Input)}.");
        try
        {
            var entry = JiraWorklogMapper.Map(source, string.IsNullOrWhiteSpace(inputs.TimeZone) ? null : inputs.TimeZone, inputs.UseAuthorTimeZone, inputs.ApprovalStatus);
            return ValueTask.FromResult(ActivityResult.Done(CanonicalJson.ToNode(ScriptOverride.Apply(entry, inputs.Script, context))));
        }
        catch (ServicesSyncException ex) when (ex.Kind == ErrorKind.Validation && !ex.Message.StartsWith("Activity '", StringComparison.Ordinal))
        {
            throw context.Invalid(ex.Message, ex);
        }
    }
}
