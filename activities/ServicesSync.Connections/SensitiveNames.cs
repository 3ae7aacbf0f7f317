namespace ServicesSync.Connections;

/// <summary>
/// Whether a header, query parameter or property name usually carries a credential
/// (<c>Authorization</c>, <c>X-Api-Key</c>, <c>access_token</c>, <c>client_secret</c>…).
/// </summary>
public static class SensitiveNames
{
    private static readonly string[] Markers =
        ["password", "passwd", "secret", "token", "apikey", "key", "authorization", "auth", "credential", "signature", "sig", "session", "cookie"];

    public static bool IsSensitive(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = new string([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
        return Markers.Any(marker => normalized.Contains(marker, StringComparison.Ordinal));
    }
}
