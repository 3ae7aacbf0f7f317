namespace ServicesSync.Persistence;

/// <summary>
/// Named high-water marks of workflows (the <c>since</c> of a poll of changes), kept across runs
/// and restarts by workflow id and name.
/// </summary>
public interface IWatermarkStore
{
    Task<WatermarkRecord?> GetWatermarkAsync(string workflowId, string name, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the mark of <see cref="WatermarkRecord.WorkflowId"/> and <see cref="WatermarkRecord.Name"/>.</summary>
    Task PutWatermarkAsync(WatermarkRecord record, CancellationToken cancellationToken);
}

/// <summary>A high-water mark: any JSON value (a timestamp, a sequence number), who set it and when.</summary>
public sealed record WatermarkRecord(string WorkflowId, string Name, string ValueJson, DateTimeOffset UpdatedAt, string? UpdatedBy);
