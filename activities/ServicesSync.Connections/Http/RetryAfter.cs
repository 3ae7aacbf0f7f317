using System.Net.Http.Headers;

namespace ServicesSync.Connections.Http;

/// <summary>Reads <c>Retry-After</c> in both its forms: delay seconds and an HTTP-date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseMessage response, TimeProvider clock)
        => From(response.Headers.RetryAfter, clock);

    public static TimeSpan? From(RetryConditionHeaderValue? value, TimeProvider clock)
    {
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
