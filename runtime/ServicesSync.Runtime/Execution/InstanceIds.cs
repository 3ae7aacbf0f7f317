using System.Security.Cryptography;

namespace ServicesSync.Execution;

/// <summary>
/// Instance and entry ids: 26 characters of Crockford base32, a 48-bit millisecond timestamp
/// followed by 80 random bits (the ULID layout), so ids sort by creation time in any store's
/// index and never collide across processes.
/// </summary>
internal static class InstanceIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(TimeProvider clock)
    {
        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = clock.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(milliseconds & 0xFF);
            milliseconds >>= 8;
        }

        RandomNumberGenerator.Fill(bytes[6..]);
        return Encode(bytes);
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 128 bits → 26 base32 digits; the first digit carries the top 3 bits.
        var high = ((UInt128)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes) << 64)
                   | System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        return string.Create(26, high, static (chars, value) =>
        {
            for (var i = 25; i >= 0; i--)
            {
                chars[i] = Alphabet[(int)(value & 31)];
                value >>= 5;
            }
        });
    }
}
