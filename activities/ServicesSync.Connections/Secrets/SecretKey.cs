using System.Security.Cryptography;

namespace ServicesSync.Connections.Secrets;

/// <summary>
/// A 256-bit AES key and its id. The id is a fingerprint of the key (the first 8 bytes of its
/// SHA-256), so no one has to keep ids and keys in step by hand when rotating.
/// </summary>
internal sealed class SecretKey
{
    public const int Size = 32;

    private SecretKey(string id, byte[] material)
    {
        Id = id;
        Material = material;
    }

    public string Id { get; }

    public byte[] Material { get; }

    public static SecretKey FromBytes(byte[] material)
    {
        ArgumentNullException.ThrowIfNull(material);
        if (material.Length != Size)
        {
            throw new ArgumentException($"A secrets key is {Size} bytes; got {material.Length}.", nameof(material));
        }

        return new SecretKey("k" + Convert.ToHexStringLower(SHA256.HashData(material).AsSpan(0, 8)), material);
    }

    /// <summary>Parses a configured key; the message names the setting, never the value.</summary>
    public static SecretKey Parse(string base64, string setting)
    {
        var buffer = new byte[Size + 1];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written != Size)
        {
            throw new Errors.ServicesSyncException(
                $"{setting} must be {Size} random bytes in base64 (for example the output of `openssl rand -base64 32`).",
                Errors.ErrorKind.Configuration);
        }

        return FromBytes(buffer[..Size]);
    }

    public static SecretKey Generate() => FromBytes(RandomNumberGenerator.GetBytes(Size));

    public override string ToString() => $"secrets key {Id}";
}
