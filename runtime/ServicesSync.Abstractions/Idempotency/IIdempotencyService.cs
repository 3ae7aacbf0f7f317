using System.Text.Json.Nodes;

namespace ServicesSync.Idempotency;

/// <summary>
/// Remembers which side effects already happened, by a key the activity derives from the
/// business identity of the work (for example <c>netsuite:timebill:jira-10023</c>), so a resumed
/// or retried run does not repeat them.
/// </summary>
public interface IIdempotencyService
{
    /// <summary>The recorded result of <paramref name="key"/>, if the side effect completed before.</summary>
    Task<IdempotencyLookup> LookupAsync(string key, CancellationToken cancellationToken);

    /// <summary>Records that the side effect of <paramref name="key"/> completed with <paramref name="result"/>.</summary>
    Task RecordAsync(string key, JsonNode? result, CancellationToken cancellationToken);
}

/// <summary>The answer of <see cref="IIdempotencyService.LookupAsync"/>.</summary>
public readonly record struct IdempotencyLookup(bool Found, JsonNode? Result)
{
    public static IdempotencyLookup Missing => default;
}
