namespace ServicesSync.Persistence;

/// <summary>Completed side effects by key (see <see cref="Idempotency.IIdempotencyService"/>).</summary>
public interface IIdempotencyStore
{
    Task<IdempotencyRecord?> GetIdempotencyRecordAsync(string key, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the record of <see cref="IdempotencyRecord.Key"/>.</summary>
    Task PutIdempotencyRecordAsync(IdempotencyRecord record, CancellationToken cancellationToken);

    /// <summary>Deletes records recorded before <paramref name="recordedBefore"/>; returns how many.</summary>
    Task<int> PruneIdempotencyRecordsAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken);
}

public sealed record IdempotencyRecord(string Key, string? ResultJson, DateTimeOffset RecordedAt);
