namespace ServicesSync.Persistence.InMemory;

internal sealed partial class InMemoryWorkflowStore
{
    // Keyed by (entity type, system, external id); the reverse uniqueness is checked on link.
    private readonly Dictionary<(string EntityType, string System, string ExternalId), CrossReferenceRecord> _crossReferences = [];

    public Task<CrossReferenceRecord?> FindCrossReferenceAsync(string entityType, string system, string externalId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_crossReferences.GetValueOrDefault((entityType, system, externalId)));
        }
    }

    public Task<IReadOnlyList<CrossReferenceRecord>> ListCrossReferencesAsync(string entityType, string canonicalId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<CrossReferenceRecord> links = _crossReferences.Values
                .Where(r => r.EntityType == entityType && r.CanonicalId == canonicalId)
                .OrderBy(r => r.System, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(links);
        }
    }

    public Task<CrossReferenceLinkResult> LinkCrossReferenceAsync(CrossReferenceRecord record, CancellationToken cancellationToken)
    {
        CrossReferenceValidation.Validate(record);
        lock (_gate)
        {
            if (_crossReferences.TryGetValue((record.EntityType, record.System, record.ExternalId), out var existing))
            {
                var status = existing.CanonicalId == record.CanonicalId ? CrossReferenceLinkStatus.Unchanged : CrossReferenceLinkStatus.Conflict;
                return Task.FromResult(new CrossReferenceLinkResult(status, existing));
            }

            var other = _crossReferences.Values.FirstOrDefault(
                r => r.EntityType == record.EntityType && r.CanonicalId == record.CanonicalId && r.System == record.System);
            if (other is not null)
            {
                return Task.FromResult(new CrossReferenceLinkResult(CrossReferenceLinkStatus.Conflict, other));
            }

            _crossReferences.Add((record.EntityType, record.System, record.ExternalId), record);
            return Task.FromResult(new CrossReferenceLinkResult(CrossReferenceLinkStatus.Created, record));
        }
    }

    public Task<bool> UnlinkCrossReferenceAsync(string entityType, string system, string externalId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_crossReferences.Remove((entityType, system, externalId)));
        }
    }
}
