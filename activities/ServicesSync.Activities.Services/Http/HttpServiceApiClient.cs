using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Http;

/// <summary>
/// GETs JSON through the named client. Statuses become errors the engine's retry policy
/// understands: 408, 429 and 5xx are transient, 401/403 are configuration errors (a wrong key
/// does not fix itself), 404 and other 4xx are permanent. Messages name the system and the URL
/// without query string and never a credential.
/// </summary>
internal sealed class HttpServiceApiClient(IHttpClientFactory clients, TimeProvider clock) : IServiceApiClient
{
    private const int MaxExcerpt = 300;

    public async Task<JsonNode?> GetJsonAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = new CancellationTokenSource(request.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.Authorization = request.Auth.Kind == ServiceAuthKind.Basic
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{request.Auth.User}:{request.Auth.Secret}")))
            : new AuthenticationHeaderValue("Bearer", request.Auth.Secret);
        var client = clients.CreateClient(ServicesActivitiesServiceCollectionExtensions.HttpClientName);
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw ForStatus(request, response.StatusCode, body);
            }

            try
            {
                return body.Length == 0 ? null : JsonNode.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new ServicesSyncException($"{request.System} answered {request.DisplayUrl} with a body that is not JSON: {ex.Message}", ErrorKind.Permanent, false, ex);
            }
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ServicesSyncException($"{request.System} did not answer GET {request.DisplayUrl} within {request.Timeout.TotalSeconds:0.#} s.", ErrorKind.Timeout, true, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ServicesSyncException($"GET {request.DisplayUrl} to {request.System} failed: {ex.Message}", ErrorKind.Transient, true, ex);
        }
    }

    private static ServicesSyncException ForStatus(ServiceRequest request, HttpStatusCode status, string body)
    {
        var code = (int)status;
        var excerpt = body.Length > MaxExcerpt ? body[..MaxExcerpt] + "…" : body;
        var text = $"{request.System} answered GET {request.DisplayUrl} with {code}{(excerpt.Length == 0 ? "" : $": {excerpt}")}";
        return code switch
        {
            401 or 403 => new ServicesSyncException($"{text}. Check the credentials ({request.Auth}) and their permissions.", ErrorKind.Configuration, false),
            408 or 429 or >= 500 => new ServicesSyncException(text, ErrorKind.Transient, true),
            _ => new ServicesSyncException(text, ErrorKind.Permanent, false),
        };
    }
}
