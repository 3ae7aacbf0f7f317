namespace ServicesSync.Persistence.InMemory;

internal sealed partial class InMemoryWorkflowStore
{
    private readonly Dictionary<string, BookmarkRecord> _bookmarks = new(StringComparer.Ordinal);

    // Resumes look bookmarks up by instance; keeping them grouped avoids scanning every waiting run.
    private readonly Dictionary<string, Dictionary<string, BookmarkRecord>> _bookmarksByInstance = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<BookmarkRecord>> GetBookmarksAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<BookmarkRecord> result = _bookmarksByInstance.TryGetValue(instanceId, out var bookmarks)
                ? bookmarks.Values.OrderBy(b => b.CreatedAt).ThenBy(b => b.Id, StringComparer.Ordinal).ToList()
                : [];
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(string name, string? correlationKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<BookmarkRecord> result = _bookmarks.Values
                .Where(b => b.Name == name && (correlationKey is null || b.CorrelationKey == correlationKey))
                .OrderBy(b => b.CreatedAt)
                .ThenBy(b => b.Id, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<BookmarkRecord>> ListDueBookmarksAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<BookmarkRecord> result = _bookmarks.Values
                .Where(b => b.ResumeAt <= dueBy)
                .OrderBy(b => b.ResumeAt)
                .ThenBy(b => b.Id, StringComparer.Ordinal)
                .Take(Math.Max(0, max))
                .ToList();
            return Task.FromResult(result);
        }
    }

    private void AddBookmark(BookmarkRecord bookmark)
    {
        RemoveBookmark(bookmark.Id);
        _bookmarks.Add(bookmark.Id, bookmark);
        if (!_bookmarksByInstance.TryGetValue(bookmark.InstanceId, out var ofInstance))
        {
            ofInstance = new(StringComparer.Ordinal);
            _bookmarksByInstance.Add(bookmark.InstanceId, ofInstance);
        }

        ofInstance.Add(bookmark.Id, bookmark);
    }

    private void RemoveBookmark(string id)
    {
        if (_bookmarks.Remove(id, out var removed)
            && _bookmarksByInstance.TryGetValue(removed.InstanceId, out var ofInstance)
            && ofInstance.Remove(id)
            && ofInstance.Count == 0)
        {
            _bookmarksByInstance.Remove(removed.InstanceId);
        }
    }

    private void RemoveBookmarksOf(string instanceId)
    {
        if (_bookmarksByInstance.Remove(instanceId, out var ofInstance))
        {
            foreach (var id in ofInstance.Keys)
            {
                _bookmarks.Remove(id);
            }
        }
    }
}
