using Microsoft.Extensions.Logging;
using ServicesSync.Expressions;

namespace ServicesSync.Scripting.Snippets;

/// <summary>
/// What a snippet's <c>log.info</c> / <c>Ctx.LogInformation</c> writes to: the activity's logger,
/// with a cap on count and length so that a loop cannot flood the host's logs.
/// </summary>
internal sealed partial class ScriptLog(ILogger logger, string language, ExpressionScope scope)
{
    public const int MaxEvents = 100;
    public const int MaxLength = 2000;

    private int written;

    public void Write(LogLevel level, string? message)
    {
        if (++written > MaxEvents || !logger.IsEnabled(level))
        {
            return;
        }

        message ??= "";
        if (message.Length > MaxLength)
        {
            message = string.Concat(message.AsSpan(0, MaxLength), "…");
        }

        ScriptMessage(logger, level, language, scope.WorkflowId, scope.InstanceId, scope.ActivityId, message);
    }

    [LoggerMessage(EventId = 4100, Message = "Script ({Language}) in {WorkflowId}/{InstanceId}/{ActivityId}: {ScriptMessage}")]
    private static partial void ScriptMessage(ILogger logger, LogLevel level, string language, string workflowId, string instanceId, string activityId, string scriptMessage);
}
