using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ServicesSync.Errors;
using ServicesSync.Persistence;

namespace ServicesSync.Connections.Secrets;

/// <summary>
/// Encrypts a connection's secret values with AES-256-GCM. The connection id is authenticated
/// data, so a ciphertext copied onto another connection does not decrypt. Layout of
/// <see cref="StoredSecret.Ciphertext"/>: base64(nonce[12] | tag[16] | ciphertext).
/// </summary>
internal sealed class SecretProtector(SecretKeyRing keys)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string CurrentKeyId => keys.Current.Id;

    public StoredSecret Protect(string connectionId, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var plain = JsonSerializer.SerializeToUtf8Bytes(values);
        try
        {
            var key = keys.Current;
            var output = new byte[NonceSize + TagSize + plain.Length];
            var nonce = output.AsSpan(0, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(key.Material, TagSize);
            aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), AssociatedData(connectionId));
            return new StoredSecret(key.Id, Convert.ToBase64String(output));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public Dictionary<string, string> Unprotect(string connectionId, StoredSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = keys.Find(secret.KeyId) ?? throw new ServicesSyncException(
            $"The secrets of connection '{connectionId}' were encrypted with key {secret.KeyId}, which is not configured; "
            + "add that key under ServicesSync:Secrets:PreviousKeys (or make it ServicesSync:Secrets:Key).",
            ErrorKind.Configuration);
        byte[] input;
        try
        {
            input = Convert.FromBase64String(secret.Ciphertext);
        }
        catch (FormatException)
        {
            throw Corrupt(connectionId);
        }

        if (input.Length < NonceSize + TagSize)
        {
            throw Corrupt(connectionId);
        }

        var plain = new byte[input.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key.Material, TagSize);
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain, AssociatedData(connectionId));
            return JsonSerializer.Deserialize<Dictionary<string, string>>(plain) ?? [];
        }
        catch (Exception ex) when (ex is AuthenticationTagMismatchException or JsonException)
        {
            throw Corrupt(connectionId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static byte[] AssociatedData(string connectionId) => Encoding.UTF8.GetBytes("servicessync/connection/" + connectionId);

    private static ServicesSyncException Corrupt(string connectionId)
        => new($"The secrets of connection '{connectionId}' cannot be decrypted: the stored data was changed or belongs to another connection. "
               + "Set the secrets again with PUT /api/v1/connections/" + connectionId + ".", ErrorKind.Configuration);
}
