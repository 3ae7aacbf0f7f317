namespace ServicesSync.Connections;

/// <summary>
/// The decrypted secret values of a connection. A class with a fixed <see cref="ToString"/> so
/// that no log template, debugger display or exception message can print a value by accident.
/// </summary>
public sealed class ConnectionSecrets
{
    private readonly Dictionary<string, string> values;

    public ConnectionSecrets(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = new Dictionary<string, string>(values, StringComparer.Ordinal);
    }

    public static ConnectionSecrets Empty { get; } = new(new Dictionary<string, string>());

    public int Count => values.Count;

    public IEnumerable<string> Names => values.Keys;

    public string? Get(string name) => values.GetValueOrDefault(name);

    /// <summary>The value of a required secret; the error names the field, never a value.</summary>
    public string Require(string connectionId, string name)
        => values.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new Errors.ServicesSyncException(
                $"Connection '{connectionId}' has no secret '{name}'; set it with PUT /api/v1/connections/{connectionId}.",
                Errors.ErrorKind.Configuration);

    /// <summary>Only the encryption layer and the redactor read the values wholesale.</summary>
    internal IReadOnlyDictionary<string, string> Values => values;

    public override string ToString() => $"[{values.Count} secret value(s), redacted]";
}
