using ServicesSync.Errors;

namespace ServicesSync.Persistence.InMemory;

internal sealed partial class InMemoryWorkflowStore
{
    private readonly Dictionary<string, ConnectionRecord> _connections = new(StringComparer.Ordinal);

    public Task<ConnectionRecord?> GetConnectionAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_connections.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ConnectionRecord> result = _connections.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<ConnectionRecord> AddConnectionAsync(ConnectionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_connections.ContainsKey(record.Id))
            {
                throw new ConflictException($"A connection with id '{record.Id}' already exists.");
            }

            var stored = record with { ETag = NewETag() };
            _connections.Add(record.Id, stored);
            return Task.FromResult(stored);
        }
    }

    public Task<ConnectionRecord?> UpdateConnectionAsync(ConnectionRecord record, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (!_connections.TryGetValue(record.Id, out var current))
            {
                return Task.FromResult<ConnectionRecord?>(null);
            }

            if (expectedETag is not null && expectedETag != current.ETag)
            {
                throw new ConflictException($"Connection '{record.Id}' was changed by someone else since it was loaded.");
            }

            var stored = record with { CreatedAt = current.CreatedAt, ETag = NewETag() };
            _connections[record.Id] = stored;
            return Task.FromResult<ConnectionRecord?>(stored);
        }
    }

    public Task<bool> DeleteConnectionAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_connections.Remove(id));
        }
    }
}
