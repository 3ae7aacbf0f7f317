namespace ServicesSync.Activities.Triggers;

/// <summary>
/// Starts one run per CSV file dropped into a directory. The host watches the directory, claims
/// and parses the file; by the time this activity runs the message is <c>{ file, rows }</c>.
/// </summary>
[Activity(
    CoreActivityTypes.FileDrop,
    Category = "Triggers",
    DisplayName = "CSV file drop",
    Description = "Starts the workflow once per CSV file dropped into a directory; the message is { file: { name, size, sha256 }, rows: [ { column: value } ] }. Files end in done/ or failed/ with a JSON report beside them.",
    IsTrigger = true)]
internal sealed class FileDropTriggerActivity : Activity<FileDropTriggerInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(FileDropTriggerInputs inputs, ActivityContext context)
        => ValueTask.FromResult(ActivityResult.Done(context.PassThrough()));
}
