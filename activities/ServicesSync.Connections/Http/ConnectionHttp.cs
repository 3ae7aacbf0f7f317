using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using ServicesSync.Errors;

namespace ServicesSync.Connections.Http;

internal sealed class ConnectionHttp(IHttpClientFactory clients, TimeProvider clock, ILogger<ConnectionHttp> logger) : IConnectionHttp, IDisposable
{
    public const string ClientName = "ServicesSync.Connections";

    /// <summary>Largest body read; a bigger one would bloat the journal and every message after it.</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    private const int MaxExcerptChars = 300;
    private static readonly string[] OutputHeaders = ["Content-Type", "Location", "ETag", "Retry-After"];

    private readonly ConcurrentDictionary<string, ConnectionChannel> channels = new(StringComparer.Ordinal);
    private readonly Lock channelGate = new();

    public async Task<ConnectionResponse> SendAsync(Connection connection, ConnectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        ConnectionChannel? channel = null;
        try
        {
            channel = ChannelFor(connection);
            return await SendThroughAsync(connection, channel, request, cancellationToken).ConfigureAwait(false);
        }
        catch (ServicesSyncException ex)
        {
            // The one exit of every failure: nothing downstream (journal, dead letters, API
            // answers, logs, stored state) may see a secret a server echoed or a library quoted.
            throw Redacted(ex, Sensitive(connection, channel, request));
        }
        catch (Exception ex) when (ex is not OperationCanceledException && Quotes(ex, Sensitive(connection, channel, request)))
        {
            // An unexpected failure is reported by its message: not one that quotes a secret.
            throw new ServicesSyncException(
                $"Connection '{connection.Id}': {request.Method.Method} failed unexpectedly ({ex.GetType().Name}): "
                + Redactor.Scrub(ex.Message, Redactor.Forms(Sensitive(connection, channel, request))),
                ErrorKind.Internal);
        }
    }

    private static bool Quotes(Exception error, IEnumerable<string> sensitive)
    {
        var full = error.ToString();
        return Redactor.Scrub(full, Redactor.Forms(sensitive)) != full;
    }

    private async Task<ConnectionResponse> SendThroughAsync(Connection connection, ConnectionChannel channel, ConnectionRequest request, CancellationToken cancellationToken)
    {
        var uri = Resolve(connection, request);
        var what = connection.IsAdHoc
            ? $"{request.Method.Method} {Redactor.DisplayUrl(uri)}"
            : $"Connection '{connection.Id}' ({connection.Type}): {request.Method.Method} {Redactor.DisplayUrl(uri)}";
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ConnectionChannel.IdempotentKey, request.IsIdempotent);
        context.Properties.Set(ConnectionChannel.DescriptionKey, $"{request.Method.Method} {Redactor.DisplayUrl(uri)}");
        HttpResponseMessage response;
        try
        {
            response = await channel.Pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Self.AttemptAsync(state.Connection, state.Channel, state.Request, state.Uri, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Self: this, Connection: connection, Channel: channel, Request: request, Uri: uri)).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new ServicesSyncException(
                $"{what} was not sent: the circuit of connection '{connection.Id}' is open after repeated failures"
                + (channel.OpenedBy is { } cause ? $" (the last: {cause})" : "")
                + ", so calls fail fast "
                + $"for {channel.Resilience.CircuitBreaker.BreakDuration.TotalSeconds:0.#} s before one is let through again.",
                ErrorKind.Transient, retryable: true, ex);
        }
        catch (AttemptTimeoutException ex)
        {
            throw new ServicesSyncException(
                $"{what} did not answer within {(request.Timeout ?? channel.Resilience.Timeout).TotalSeconds:0.###} s.", ErrorKind.Timeout, retryable: true, ex);
        }
        catch (RateLimitQueueFullException ex)
        {
            throw new ServicesSyncException($"{what} was not sent: too many calls are waiting for the rate limit of connection '{connection.Id}'.", ErrorKind.Transient, retryable: true, ex);
        }
        catch (ResponseTooLargeException ex)
        {
            throw new ServicesSyncException($"{what} answered with a body larger than {MaxBodyBytes / (1024 * 1024)} MB.", ErrorKind.Permanent, retryable: false, ex);
        }
        catch (HttpRequestException ex)
        {
            var secure = ex.HttpRequestError == HttpRequestError.SecureConnectionError;
            throw new ServicesSyncException(
                $"{what} failed without a response: {ex.Message}",
                secure ? ErrorKind.Permanent : ErrorKind.Transient, retryable: !secure, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var sensitive = Redactor.Forms(Sensitive(connection, channel, request), Redactor.MinimumLengthInData);
            var body = await ReadBodyAsync(response, sensitive, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode || request.AcceptStatus?.Contains(status) == true)
            {
                return new ConnectionResponse(status, SelectHeaders(response, sensitive), body);
            }

            throw Failure(what, connection, response, body);
        }
    }

    public void Dispose()
    {
        foreach (var channel in channels.Values)
        {
            channel.Dispose();
        }
    }

    private async Task<HttpResponseMessage> AttemptAsync(
        Connection connection, ConnectionChannel channel, ConnectionRequest request, Uri uri, CancellationToken cancellationToken)
    {
        if (channel.Limiter is { } limiter)
        {
            await limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        }

        var display = Redactor.DisplayUrl(uri);
        using var timeout = new CancellationTokenSource(request.Timeout ?? channel.Resilience.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var started = clock.GetTimestamp();
            var response = await SendOnceAsync(channel, request, uri, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 401 or 403 && await channel.Authenticator.RefreshAsync(linked.Token).ConfigureAwait(false))
            {
                ConnectionHttpLog.Reauthenticating(logger, connection.Id, request.Method.Method, display, status);
                response.Dispose();
                response = await SendOnceAsync(channel, request, uri, linked.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
            }

            if (response.Content.Headers.ContentLength > MaxBodyBytes)
            {
                response.Dispose();
                throw new ResponseTooLargeException();
            }

            try
            {
                // Read inside the attempt, so a slow body counts against the timeout like a slow answer.
                await response.Content.LoadIntoBufferAsync(MaxBodyBytes, linked.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded
                                                  || (ex.InnerException is null && ex.HttpRequestError == HttpRequestError.Unknown))
            {
                response.Dispose();
                throw new ResponseTooLargeException("The response body is too large.", ex);
            }

            if (logger.IsEnabled(LogLevel.Debug))
            {
                var elapsed = (long)clock.GetElapsedTime(started).TotalMilliseconds;
                ConnectionHttpLog.Answered(logger, connection.Id, request.Method.Method, display, status, elapsed);
            }

            return response;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AttemptTimeoutException("The attempt timed out.", ex);
        }
    }

    private static async Task<HttpResponseMessage> SendOnceAsync(ConnectionChannel channel, ConnectionRequest request, Uri uri, CancellationToken cancellationToken)
    {
        // A message can be sent once only: every attempt builds and signs its own.
        using var message = new HttpRequestMessage(request.Method, uri);
        if (request.Body is JsonValue text && text.TryGetValue<string>(out var raw) && ContentTypeOf(request) is { } mediaType && !IsJson(mediaType))
        {
            // A SOAP envelope or a form: text sent as it is, under the content type the caller named.
            message.Content = new StringContent(raw, Encoding.UTF8, mediaType);
        }
        else if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (request.Headers?.Keys.Any(h => h.Equals("Accept", StringComparison.OrdinalIgnoreCase)) != true)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.Remove(name);
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        await channel.Authenticator.ApplyAsync(message, cancellationToken).ConfigureAwait(false);
        return await channel.Client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private static string? ContentTypeOf(ConnectionRequest request)
        => request.Headers?.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value
            && MediaTypeHeaderValue.TryParse(value, out var parsed)
                ? parsed.MediaType
                : null;

    private static bool IsJson(string mediaType)
        => mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
           || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
           || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private ConnectionChannel ChannelFor(Connection connection)
    {
        if (channels.TryGetValue(connection.Id, out var existing) && existing.ETag == connection.ETag)
        {
            return existing;
        }

        lock (channelGate)
        {
            if (channels.TryGetValue(connection.Id, out existing) && existing.ETag == connection.ETag)
            {
                return existing;
            }

            var channel = new ConnectionChannel(connection, clients.CreateClient(ClientName), clock, logger);
            // The old channel is not disposed: calls in flight still use its authenticator. It holds
            // no unmanaged resource, so the collector takes it once they finish.
            channels[connection.Id] = channel;
            return channel;
        }
    }

    private static Uri Resolve(Connection connection, ConnectionRequest request)
    {
        var relative = request.Path.TrimStart('/');
        var uri = Uri.TryCreate(request.Path, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute
            : new Uri(connection.BaseUri, relative);
        if (!string.Equals(uri.Authority, connection.BaseUri.Authority, StringComparison.OrdinalIgnoreCase))
        {
            // Credentials of this connection must never be sent to another host.
            throw new ServicesSyncException(
                $"Connection '{connection.Id}': the path leads to {uri.Scheme}://{uri.Authority}, not to the connection's host {connection.BaseUri.Authority}.",
                ErrorKind.Validation);
        }

        if (request.Query is not { Count: > 0 } query)
        {
            return uri;
        }

        var builder = new UriBuilder(uri);
        var text = new StringBuilder(builder.Query.TrimStart('?'));
        foreach (var (name, value) in query)
        {
            text.Append(text.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
        }

        builder.Query = text.ToString();
        return builder.Uri;
    }

    /// <summary>The connection's secrets, what its authenticator derived from them (tokens, sessions, encoded headers) and the request's own.</summary>
    private static IEnumerable<string> Sensitive(Connection connection, ConnectionChannel? channel, ConnectionRequest request)
        => connection.Secrets.Values.Values
            .Concat(channel?.Authenticator.SensitiveValues ?? [])
            .Concat(request.Secrets ?? []);

    private static ServicesSyncException Redacted(ServicesSyncException error, IEnumerable<string> sensitive)
    {
        if (!Quotes(error, sensitive))
        {
            return error;
        }

        // The inner exceptions go too: a log of the error prints their messages.
        return new ServicesSyncException(Redactor.Scrub(error.Message, Redactor.Forms(sensitive)), error.Kind, error.Retryable) { RetryAfter = error.RetryAfter };
    }

    private ServicesSyncException Failure(string what, Connection connection, HttpResponseMessage response, JsonNode? body)
    {
        var status = (int)response.StatusCode;
        var head = $"{what} answered {status} {response.ReasonPhrase}";
        if (status is 401 or 403)
        {
            // No excerpt: an authentication error page may quote the credentials it refused.
            return new ServicesSyncException($"{head}: check the credentials of connection '{connection.Id}'.", ErrorKind.Configuration, retryable: false);
        }

        var wait = RetryAfter.From(response, clock);
        var retryAfter = wait is { } w ? $" (Retry-After: {w.TotalSeconds:0.#} s)" : "";
        var excerpt = Excerpt(body);
        var message = $"{head}{retryAfter}{(excerpt.Length == 0 ? "" : ": " + excerpt)}";
        return ConnectionChannel.IsTransient(status)
            ? new ServicesSyncException(message, ErrorKind.Transient, retryable: true) { RetryAfter = wait }
            : new ServicesSyncException(message, ErrorKind.Permanent, retryable: false);
    }

    private static string Excerpt(JsonNode? body)
    {
        var text = body switch
        {
            null => "",
            JsonValue value when value.TryGetValue<string>(out var s) => s,
            _ => body.ToJsonString(),
        };
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= MaxExcerptChars ? text : string.Concat(text.AsSpan(0, MaxExcerptChars), "…");
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpResponseMessage response, IReadOnlyList<string> sensitive, CancellationToken cancellationToken)
    {
        // Scrubbed as text, before parsing: the mask has no quote or backslash, so JSON stays JSON.
        var text = Redactor.Scrub(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), sensitive);
        if (text.Length == 0)
        {
            return null;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var json = mediaType is not null
                   && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                       || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
                       || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (!json)
        {
            return JsonValue.Create(text);
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static Dictionary<string, string> SelectHeaders(HttpResponseMessage response, IReadOnlyList<string> sensitive)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in OutputHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
            {
                headers[name.ToLowerInvariant()] = Redactor.Scrub(string.Join(", ", values), sensitive);
            }
        }

        return headers;
    }
}
