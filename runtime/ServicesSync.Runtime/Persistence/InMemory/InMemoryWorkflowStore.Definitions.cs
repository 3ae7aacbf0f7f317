using ServicesSync.Definitions;

namespace ServicesSync.Persistence.InMemory;

internal sealed partial class InMemoryWorkflowStore
{
    private readonly Dictionary<string, StoredDraft> _drafts = new(StringComparer.Ordinal);

    // Versions of each workflow in ascending order; retired versions stay.
    private readonly Dictionary<string, List<StoredVersion>> _versions = new(StringComparer.Ordinal);

    public Task<WorkflowDraft?> GetDraftAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_drafts.TryGetValue(id, out var draft) ? draft.ToDraft() : null);
        }
    }

    public Task<IReadOnlyList<WorkflowSummary>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var ids = new SortedSet<string>(_drafts.Keys, StringComparer.Ordinal);
            foreach (var (id, versions) in _versions)
            {
                if (!versions[^1].Retired)
                {
                    ids.Add(id);
                }
            }

            var summaries = new List<WorkflowSummary>(ids.Count);
            foreach (var id in ids)
            {
                _drafts.TryGetValue(id, out var draft);
                var latest = NewestActive(id);
                summaries.Add(new WorkflowSummary(
                    id,
                    draft?.Name ?? latest!.Name,
                    draft is not null ? draft.Description : latest!.Description,
                    draft?.UpdatedAt,
                    draft?.ETag,
                    latest?.Version,
                    latest?.PublishedAt));
            }

            return Task.FromResult<IReadOnlyList<WorkflowSummary>>(summaries);
        }
    }

    public Task<WorkflowDraft> SaveDraftAsync(WorkflowDefinition definition, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = DefinitionJson.Serialize(definition with { Version = 0 });
        lock (_gate)
        {
            _drafts.TryGetValue(definition.Id, out var current);
            CommitValidation.EnsureETagMatches(definition.Id, current?.ETag, expectedETag);
            var saved = new StoredDraft(definition.Id, definition.Name, definition.Description, json, CommitValidation.NewETag(), _timeProvider.GetUtcNow());
            _drafts[definition.Id] = saved;
            return Task.FromResult(saved.ToDraft());
        }
    }

    public Task<bool> DeleteAsync(string id, string? expectedETag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var hasDraft = _drafts.TryGetValue(id, out var draft);
            if (!hasDraft && NewestActive(id) is null)
            {
                return Task.FromResult(false);
            }

            if (expectedETag is not null)
            {
                CommitValidation.EnsureETagMatches(id, draft?.ETag, expectedETag);
            }

            _drafts.Remove(id);
            if (_versions.TryGetValue(id, out var versions))
            {
                for (var i = 0; i < versions.Count; i++)
                {
                    versions[i] = versions[i] with { Retired = true };
                }
            }

            return Task.FromResult(true);
        }
    }

    public Task<PublishedWorkflow> PublishAsync(WorkflowDefinition definition, string? publishedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_gate)
        {
            if (!_versions.TryGetValue(definition.Id, out var versions))
            {
                versions = [];
                _versions.Add(definition.Id, versions);
            }

            var version = versions.Count == 0 ? 1 : versions[^1].Version + 1;
            var json = DefinitionJson.Serialize(definition with { Version = version });
            var stored = new StoredVersion(version, definition.Name, definition.Description, json, _timeProvider.GetUtcNow(), publishedBy, Retired: false);
            versions.Add(stored);
            return Task.FromResult(stored.ToPublished());
        }
    }

    public Task<PublishedWorkflow?> GetPublishedAsync(string id, int? version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var stored = version is null
                ? NewestActive(id)
                : _versions.GetValueOrDefault(id)?.Find(v => v.Version == version);
            return Task.FromResult(stored?.ToPublished());
        }
    }

    public Task<IReadOnlyList<PublishedWorkflow>> ListVersionsAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<PublishedWorkflow> result = _versions.TryGetValue(id, out var versions)
                ? versions.AsEnumerable().Reverse().Select(v => v.ToPublished()).ToList()
                : [];
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<PublishedWorkflow>> ListActiveAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<PublishedWorkflow> result = _versions.Keys
                .Order(StringComparer.Ordinal)
                .Select(NewestActive)
                .OfType<StoredVersion>()
                .Select(v => v.ToPublished())
                .ToList();
            return Task.FromResult(result);
        }
    }


    private StoredVersion? NewestActive(string id)
        => _versions.TryGetValue(id, out var versions) && versions.Count > 0 && !versions[^1].Retired ? versions[^1] : null;

    private sealed record StoredDraft(string Id, string Name, string? Description, string Json, string ETag, DateTimeOffset UpdatedAt)
    {
        public WorkflowDraft ToDraft() => new(DefinitionJson.DeserializeTrusted(Json), ETag, UpdatedAt);
    }

    private sealed record StoredVersion(int Version, string Name, string? Description, string Json, DateTimeOffset PublishedAt, string? PublishedBy, bool Retired)
    {
        public PublishedWorkflow ToPublished()
            => new(DefinitionJson.DeserializeTrusted(Json), PublishedAt, PublishedBy) { Retired = Retired };
    }
}
