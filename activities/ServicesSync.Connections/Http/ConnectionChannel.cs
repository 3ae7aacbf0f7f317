using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using ServicesSync.Connections.Auth;

namespace ServicesSync.Connections.Http;

/// <summary>
/// The per-connection state of the pipeline: its Polly pipeline (whose circuit breaker must be
/// shared by every call), its token bucket and its authenticator. Rebuilt when the connection
/// is saved again (a new ETag), so changed limits or credentials apply at once.
/// </summary>
internal sealed class ConnectionChannel : IDisposable
{
    public static readonly ResiliencePropertyKey<bool> IdempotentKey = new("servicessync.idempotent");
    public static readonly ResiliencePropertyKey<string> DescriptionKey = new("servicessync.description");

    public ConnectionChannel(Connection connection, HttpClient client, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Id = connection.Id;
        ETag = connection.ETag;
        Resilience = connection.Definition.Resilience;
        Client = client;
        Authenticator = AuthenticatorFactory.Create(connection, client, clock);
        secrets = [.. connection.Secrets.Values.Values];
        if (Resilience.RateLimit is { } rate)
        {
            Limiter = new TokenBucket(rate, clock);
        }

        Pipeline = Build(clock, logger);
    }

    public string Id { get; }

    public string ETag { get; }

    public ConnectionResilience Resilience { get; }

    public HttpClient Client { get; }

    public IConnectionAuthenticator Authenticator { get; }

    public TokenBucket? Limiter { get; }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>
    /// What made the circuit open (a status, or the transport error scrubbed of secrets), so a
    /// call refused by the open circuit can still say what is wrong with the other side.
    /// </summary>
    public string? OpenedBy => openedBy;

    private volatile string? openedBy;
    private readonly string[] secrets;

    public void Dispose()
    {
        Limiter?.Dispose();
        Authenticator.Dispose();
    }

    /// <summary>Statuses worth another try: the server is busy or broken, not the request.</summary>
    public static bool IsTransient(int status) => status is 408 or 429 || status >= 500;

    private ResiliencePipeline<HttpResponseMessage> Build(TimeProvider clock, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (Resilience.MaxRetries > 0)
        {
            var baseDelay = TimeSpan.FromMilliseconds(200) < Resilience.MaxRetryDelay ? TimeSpan.FromMilliseconds(200) : Resilience.MaxRetryDelay;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Resilience.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = Resilience.MaxRetryDelay > TimeSpan.Zero ? Resilience.MaxRetryDelay : null,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, clock)),
                // The server said when; jitter is for when it did not.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter.From(response, clock) : null),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Result is { } response
                        ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : args.Outcome.Exception?.GetType().Name ?? "unknown";
                    args.Outcome.Result?.Dispose();
                    var description = args.Context.Properties.GetValue(DescriptionKey, "");
                    ConnectionHttpLog.Retrying(logger, Id, description, reason, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        var breaker = Resilience.CircuitBreaker;
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = breaker.FailureRatio,
            MinimumThroughput = breaker.MinimumThroughput,
            SamplingDuration = breaker.SamplingDuration,
            BreakDuration = breaker.BreakDuration,
            // 429 is the server pacing us, not failing: the rate limit and Retry-After handle it.
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is HttpRequestException or AttemptTimeoutException
                || args.Outcome.Result is { } r && (int)r.StatusCode >= 500),
            OnOpened = args =>
            {
                openedBy = args.Outcome.Exception is { } exception
                    ? Redactor.Scrub(exception.Message, Authenticator.SensitiveValues.Concat(secrets))
                    : args.Outcome.Result is { } failed ? $"HTTP {(int)failed.StatusCode}" : null;
                ConnectionHttpLog.CircuitOpened(logger, Id, args.BreakDuration.TotalSeconds);
                return default;
            },
            OnClosed = _ =>
            {
                ConnectionHttpLog.CircuitClosed(logger, Id);
                return default;
            },
        });
        return builder.Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeProvider clock)
    {
        var idempotent = context.Properties.GetValue(IdempotentKey, false);
        switch (outcome.Exception)
        {
            case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                return false;
            case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }:
                // Refused before anything was sent: safe whatever the method.
                return true;
            case HttpRequestException or AttemptTimeoutException:
                return idempotent;
            case not null:
                return false;
        }

        if (outcome.Result is not { } response || !IsTransient((int)response.StatusCode))
        {
            return false;
        }

        // Not idempotent: only a 429 or 503 surely means the request was not acted upon.
        if (!idempotent && response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return false;
        }

        // A long Retry-After is an outage, not a blip: leave it to the activity's retry policy.
        return RetryAfter.From(response, clock) is not { } wait || wait <= Resilience.MaxRetryDelay;
    }
}
