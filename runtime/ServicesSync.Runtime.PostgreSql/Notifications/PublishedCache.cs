namespace ServicesSync.Persistence.PostgreSql.Notifications;

/// <summary>
/// The newest published version of each workflow, as read by this store, kept only while this
/// node hears every publish and delete: <see cref="StoreNotificationListener"/> switches it on once
/// its LISTEN is in place and off (emptied) when its connection is lost, and every notification
/// empties it. So a start never uses a version older than the latest commit minus a NOTIFY round
/// trip, and every start no longer reads and parses the definition from the server.
/// </summary>
internal sealed class PublishedCache
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, PublishedWorkflow> latest = new(StringComparer.Ordinal);
    private long generation;
    private bool listening;

    /// <summary>Whether entries are kept (the listener is connected and listening).</summary>
    public bool IsListening
    {
        get
        {
            lock (gate)
            {
                return listening;
            }
        }
    }

    /// <summary>Taken before a read of the server: <see cref="Add"/> keeps the result only if nothing changed meanwhile.</summary>
    public long Generation
    {
        get
        {
            lock (gate)
            {
                return generation;
            }
        }
    }

    public bool TryGet(string workflowId, out PublishedWorkflow published)
    {
        lock (gate)
        {
            return latest.TryGetValue(workflowId, out published!);
        }
    }

    /// <summary>
    /// Keeps what a read that began at <paramref name="readGeneration"/> found, unless a change was
    /// heard since (the read may have seen the state before it) or nobody is listening.
    /// </summary>
    public void Add(string workflowId, PublishedWorkflow published, long readGeneration)
    {
        lock (gate)
        {
            if (listening && generation == readGeneration)
            {
                latest[workflowId] = published;
            }
        }
    }

    /// <summary>A publish or delete, heard from the server or made through this store.</summary>
    public void Invalidate() => Reset(listening: null);

    /// <summary>The listener's LISTEN is in place (true) or its connection is gone (false): either way start afresh.</summary>
    public void SetListening(bool on) => Reset(on);

    private void Reset(bool? listening)
    {
        lock (gate)
        {
            generation++;
            latest.Clear();
            if (listening is { } on)
            {
                this.listening = on;
            }
        }
    }
}
