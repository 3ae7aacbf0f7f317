using System.Security.Cryptography;
using System.Text;

namespace ServicesSync.Api.Hooks;

/// <summary>
/// Run ids of deduplicated deliveries: <c>hook-</c> and 32 Crockford base32 digits of the SHA-256
/// of the workflow, the trigger and the delivery's identity. Deterministic, so every redelivery of
/// the same event names the same run and the runtime's idempotent start returns it.
/// </summary>
public static class WebhookInstanceIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string For(string workflowId, string triggerId, string identity)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{workflowId}\n{triggerId}\n{identity}"));
        var text = new StringBuilder("hook-", 37);
        // 20 bytes = 160 bits = exactly 32 digits of 5 bits.
        for (var bit = 0; bit < 160; bit += 5)
        {
            var index = bit / 8;
            var window = (hash[index] << 8) | hash[index + 1];
            text.Append(Alphabet[(window >> (11 - (bit % 8))) & 31]);
        }

        return text.ToString();
    }
}
