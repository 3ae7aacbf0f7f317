namespace ServicesSync.Connections.Secrets;

/// <summary>The current key, which encrypts, and the previous keys, which only decrypt.</summary>
internal sealed class SecretKeyRing
{
    private readonly Dictionary<string, SecretKey> byId = new(StringComparer.Ordinal);

    public SecretKeyRing(SecretKey current, IEnumerable<SecretKey> previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        Current = current;
        byId[current.Id] = current;
        foreach (var key in previous)
        {
            byId.TryAdd(key.Id, key);
        }
    }

    public SecretKey Current { get; }

    public SecretKey? Find(string id) => byId.GetValueOrDefault(id);
}
