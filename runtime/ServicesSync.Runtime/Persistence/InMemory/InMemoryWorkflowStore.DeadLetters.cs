namespace ServicesSync.Persistence.InMemory;

internal sealed partial class InMemoryWorkflowStore
{
    private readonly Dictionary<string, DeadLetterEntry> _deadLetters = new(StringComparer.Ordinal);

    public Task<DeadLetterEntry?> GetDeadLetterAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_deadLetters.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<DeadLetterEntry>> QueryDeadLettersAsync(DeadLetterStatus? status, string? workflowId, int skip, int take, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DeadLetterEntry> result = _deadLetters.Values
                .Where(d => (status is null || d.Status == status) && (workflowId is null || d.WorkflowId == workflowId))
                .OrderByDescending(d => d.CreatedAt)
                .ThenByDescending(d => d.Id, StringComparer.Ordinal)
                .Skip(Math.Max(0, skip))
                .Take(ClampTake(take))
                .ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<DeadLetterEntry>> ListOpenDeadLettersAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DeadLetterEntry> result = _deadLetters.Values
                .Where(d => d.InstanceId == instanceId && d.Status == DeadLetterStatus.Open)
                .OrderBy(d => d.CreatedAt)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(result);
        }
    }

    public Task CloseDeadLettersAsync(IReadOnlyCollection<string> ids, DeadLetterStatus status, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        EnsureClosingStatus(status);
        lock (_gate)
        {
            foreach (var id in ids)
            {
                if (_deadLetters.TryGetValue(id, out var entry) && entry.Status == DeadLetterStatus.Open)
                {
                    _deadLetters[id] = entry with { Status = status, ClosedAt = closedAt };
                }
            }
        }

        return Task.CompletedTask;
    }

    internal static void EnsureClosingStatus(DeadLetterStatus status)
    {
        if (status == DeadLetterStatus.Open)
        {
            throw new ArgumentException("Dead letters are closed as Retried or Discarded, not Open.", nameof(status));
        }
    }
}
