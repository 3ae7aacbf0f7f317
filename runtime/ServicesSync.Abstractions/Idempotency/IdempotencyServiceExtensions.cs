using System.Text.Json.Nodes;

namespace ServicesSync.Idempotency;

public static class IdempotencyServiceExtensions
{
    /// <summary>
    /// Runs <paramref name="sideEffect"/> unless <paramref name="key"/> already completed, in
    /// which case the recorded result is returned. A crash between the side effect and the
    /// record repeats the call with the same key, so targets should also honour the key
    /// (an <c>Idempotency-Key</c> header, an upsert by external id).
    /// </summary>
    public static async Task<JsonNode?> ExecuteOnceAsync(
        this IIdempotencyService service,
        string key,
        Func<CancellationToken, Task<JsonNode?>> sideEffect,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(sideEffect);
        var existing = await service.LookupAsync(key, cancellationToken).ConfigureAwait(false);
        if (existing.Found)
        {
            return existing.Result?.DeepClone();
        }

        var result = await sideEffect(cancellationToken).ConfigureAwait(false);
        await service.RecordAsync(key, result, cancellationToken).ConfigureAwait(false);
        return result;
    }
}
