using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Control;

internal sealed class LogInputs
{
    [Input(Required = true, Description = "Text to log, usually an expression.")]
    public string? Message { get; set; }

    [Input(Description = "Severity of the log event.")]
    public LogActivityLevel Level { get; set; } = LogActivityLevel.Information;

    [Input(Description = "Structured data logged with the message as the Data property.")]
    public JsonNode? Data { get; set; }
}

internal enum LogActivityLevel
{
    Trace,
    Debug,
    Information,
    Warning,
    Error,
}
