namespace ServicesSync.Connections.Secrets;

/// <summary>
/// Where the key that encrypts connection secrets comes from, bound from <c>ServicesSync:Secrets</c>.
/// </summary>
public sealed class SecretsOptions
{
    public const string Section = "ServicesSync:Secrets";

    /// <summary>The current key: 32 random bytes, base64. New and rewritten secrets use it.</summary>
    public string? Key { get; set; }

    /// <summary>Keys used before, base64; records encrypted with them stay readable until rotated.</summary>
    public IList<string> PreviousKeys { get; } = [];

    /// <summary>
    /// Used when <see cref="Key"/> is not set: the file holding a generated key (created at
    /// first start, mode 600). Hosts set it to <c>DATA/secrets.key</c>; null means a key that
    /// lives only in this process (throw-away stores).
    /// </summary>
    public string? KeyFile { get; set; }
}
