namespace ServicesSync.Connections;

/// <summary>
/// A connection ready to use: its definition and its decrypted secrets. Handed to connectors
/// only; the API and logs see <see cref="Definition"/> alone.
/// </summary>
public sealed class Connection(string id, ConnectionDefinition definition, ConnectionSecrets secrets, string etag)
{
    public string Id { get; } = id;

    public ConnectionDefinition Definition { get; } = definition;

    public ConnectionSecrets Secrets { get; } = secrets;

    /// <summary>Changes with every save, so cached state (sessions, tokens, circuit) follows edits.</summary>
    public string ETag { get; } = etag;

    public string Type => Definition.Type;

    public Uri BaseUri { get; } = new(definition.BaseUrl.EndsWith('/') ? definition.BaseUrl : definition.BaseUrl + "/", UriKind.Absolute);

    public override string ToString() => $"connection '{Id}' ({Type})";
}
