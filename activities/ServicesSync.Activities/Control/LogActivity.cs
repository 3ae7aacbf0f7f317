using Microsoft.Extensions.Logging;

namespace ServicesSync.Activities.Control;

/// <summary>Writes a line to the run's log and passes the message on.</summary>
[Activity(
    CoreActivityTypes.Log,
    Category = "Control",
    DisplayName = "Log",
    Description = "Writes a message (and optional data) to the workflow log at the chosen level, then passes the message on.")]
internal sealed class LogActivity : Activity<LogInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(LogInputs inputs, ActivityContext context)
    {
        var message = context.Require(inputs.Message, "message");
        var level = inputs.Level switch
        {
            LogActivityLevel.Trace => LogLevel.Trace,
            LogActivityLevel.Debug => LogLevel.Debug,
            LogActivityLevel.Warning => LogLevel.Warning,
            LogActivityLevel.Error => LogLevel.Error,
            _ => LogLevel.Information,
        };

        // User text is a property value, never part of the template: braces in it are not
        // placeholders and sinks can index it.
        var state = new LogActivityState(message, inputs.Data?.ToJsonString());
        context.Logger.Log(level, default, state, null, static (s, _) => s.ToString());
        return ValueTask.FromResult(ActivityResult.Done(context.PassThrough()));
    }
}
