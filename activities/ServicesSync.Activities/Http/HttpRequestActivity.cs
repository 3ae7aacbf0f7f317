using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ServicesSync.Connections;
using ServicesSync.Idempotency;

namespace ServicesSync.Activities.Http;

/// <summary>
/// Calls an HTTP endpoint with a JSON body and returns its status, selected headers and body.
/// It sends through the connectors' pipeline on an ad-hoc connection per host
/// (<see cref="Connection.ForUrl"/>), so its circuit breaker, <c>Retry-After</c> and secret
/// redaction are the connectors' own. With an idempotency key, a call that completed is never
/// sent again by a retry or a resume.
/// </summary>
[Activity(
    CoreActivityTypes.HttpRequest,
    Category = "Connectors",
    DisplayName = "HTTP request",
    Description = "Sends an HTTP request and outputs { status, headers, body }. 5xx, 408, 429, timeouts and network errors are retried "
        + "(never sooner than the server's Retry-After); other 4xx fail for good.")]
internal sealed class HttpRequestActivity(IConnectionHttp http) : Activity<HttpRequestInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(HttpRequestInputs inputs, ActivityContext context)
    {
        var plan = HttpRequestPlan.Create(inputs, context);
        if (plan.IdempotencyKey is not { } key)
        {
            return ActivityResult.Done(await SendAsync(plan, context, context.CancellationToken));
        }

        var sent = false;
        var output = await context.Idempotency.ExecuteOnceAsync(
            $"http:{key}",
            async cancellationToken =>
            {
                sent = true;
                return await SendAsync(plan, context, cancellationToken);
            },
            context.CancellationToken);
        if (!sent)
        {
            HttpRequestLog.Replayed(context.Logger, plan.Method.Method, plan.DisplayUrl, key);
        }

        return ActivityResult.Done(output);
    }

    private async Task<JsonNode?> SendAsync(HttpRequestPlan plan, ActivityContext context, CancellationToken cancellationToken)
    {
        // The whole exchange runs on the context's clock so that tests and replays control time.
        using var timeout = new CancellationTokenSource(plan.Timeout, context.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = context.Clock.GetTimestamp();
        try
        {
            var response = await http.SendAsync(Connection.ForUrl(plan.Uri), plan.ToConnectionRequest(), linked.Token);
            if (context.Logger.IsEnabled(LogLevel.Debug))
            {
                var elapsed = (long)context.Clock.GetElapsedTime(started).TotalMilliseconds;
                HttpRequestLog.Answered(context.Logger, plan.Method.Method, plan.DisplayUrl, response.Status, elapsed);
            }

            // A 2xx the caller did not list: the pipeline accepts every 2xx, expectedStatus is stricter.
            return plan.IsSuccess(response.Status) ? response.ToJson() : throw HttpFailures.Unexpected(plan, response.Status);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw HttpFailures.Timeout(plan, ex);
        }
    }
}
