using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using ServicesSync.Errors;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.Isolation;

/// <summary>
/// One JSON document per line over the worker's stdin/stdout. The first line to a worker is its
/// <see cref="WorkerConfiguration"/>; it answers <see cref="WorkerResponse.Ready"/> when warm, then
/// one response per request, in order.
/// </summary>
internal static class WorkerProtocol
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string line) => JsonSerializer.Deserialize<T>(line, Options)
        ?? throw new JsonException("The worker protocol line was empty.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

internal sealed record WorkerConfiguration(ScriptLimits Limits, int CpuSecondsLimit);

internal sealed record WorkerRequest(
    long Id,
    string Language,
    SnippetKind Kind,
    string Code,
    JsonNode? Input,
    Dictionary<string, JsonNode?> Variables,
    string WorkflowId,
    string InstanceId,
    string ActivityId,
    DateTimeOffset Now,
    double RemainingMilliseconds,
    double? BatchTotalMilliseconds);

internal sealed record WorkerResponse(long Id, JsonNode? Value, WorkerError? Error, List<WorkerLog> Logs)
{
    public static WorkerResponse Ready { get; } = new(0, null, null, []);
}

internal sealed record WorkerError(string Message, ErrorKind Kind, bool Retryable)
{
    /// <summary>Which budget stopped the snippet, when one did; the host then replaces the worker.</summary>
    public string? Budget { get; init; }
}

internal sealed record WorkerLog(LogLevel Level, string Message);
