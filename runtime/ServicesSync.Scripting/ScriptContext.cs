using Microsoft.Extensions.Logging;
using ServicesSync.Scripting.CrossReferences;

namespace ServicesSync.Scripting;

/// <summary>
/// The context a C# snippet sees as <c>Ctx</c> (JavaScript gets the same as <c>ctx</c>): who is
/// running, the workflow clock, a logger and cross-reference lookups.
/// </summary>
public sealed class ScriptContext
{
    private readonly Snippets.ScriptLog log;

    internal ScriptContext(string workflowId, string instanceId, string activityId, DateTimeOffset now, Snippets.ScriptLog log, IScriptCrossReferences crossReferences)
    {
        WorkflowId = workflowId;
        InstanceId = instanceId;
        ActivityId = activityId;
        Now = now;
        this.log = log;
        CrossReferences = crossReferences;
    }

    public string WorkflowId { get; }

    public string InstanceId { get; }

    public string ActivityId { get; }

    /// <summary>The workflow clock's time when the evaluation started (use it instead of DateTime.Now).</summary>
    public DateTimeOffset Now { get; }

    public IScriptCrossReferences CrossReferences { get; }

    public void LogInformation(string? message) => log.Write(LogLevel.Information, message);

    public void LogWarning(string? message) => log.Write(LogLevel.Warning, message);

    public void LogError(string? message) => log.Write(LogLevel.Error, message);
}
