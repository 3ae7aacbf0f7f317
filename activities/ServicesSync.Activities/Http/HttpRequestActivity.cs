using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ServicesSync.Idempotency;

namespace ServicesSync.Activities.Http;

/// <summary>
/// Calls an HTTP endpoint with a JSON body and returns its status, selected headers and body.
/// With an idempotency key, a call that completed is never sent again by a retry or a resume.
/// </summary>
[Activity(
    CoreActivityTypes.HttpRequest,
    Category = "Connectors",
    DisplayName = "HTTP request",
    Description = "Sends an HTTP request and outputs { status, headers, body }. 5xx, 408, 429, timeouts and network errors are retried; "
        + "other 4xx fail for good.")]
internal sealed class HttpRequestActivity(IHttpClientFactory clients) : Activity<HttpRequestInputs>
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
        // The timer runs on the context's clock so that tests and replays control time.
        using var timeout = new CancellationTokenSource(plan.Timeout, context.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = plan.CreateMessage();
        var client = clients.CreateClient(CoreActivitiesServiceCollectionExtensions.HttpClientName);
        var started = context.Clock.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            if (context.Logger.IsEnabled(LogLevel.Debug))
            {
                var elapsed = (long)context.Clock.GetElapsedTime(started).TotalMilliseconds;
                HttpRequestLog.Answered(context.Logger, plan.Method.Method, plan.DisplayUrl, status, elapsed);
            }

            if (!plan.IsSuccess(status))
            {
                var excerpt = await HttpResponseReader.ReadExcerptAsync(response, linked.Token);
                throw HttpFailures.ForStatus(plan, response, excerpt);
            }

            return await HttpResponseReader.ReadOutputAsync(response, plan, linked.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw HttpFailures.Timeout(plan, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw HttpFailures.Network(plan, ex);
        }
    }
}
