using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServicesSync.Triggers.FileDrop;

/// <summary>What happened to a dropped file, written as <c>NAME.report.json</c> beside it in done/ or failed/.</summary>
internal sealed record FileDropReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string File { get; init; }

    public long Size { get; init; }

    public string? Sha256 { get; init; }

    /// <summary>completed, faulted or cancelled (the run's end), or rejected (the file was not run).</summary>
    public required string Status { get; init; }

    /// <summary>Data rows handed to the run (0 when the file was rejected).</summary>
    public int Rows { get; init; }

    public string? InstanceId { get; init; }

    public IReadOnlyList<FileDropReportError> Errors { get; init; } = [];

    public required DateTimeOffset FinishedAt { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>An error; row and column (1-based) when it is about a place in the file.</summary>
internal sealed record FileDropReportError(string Message, int? Row = null, int? Column = null);
