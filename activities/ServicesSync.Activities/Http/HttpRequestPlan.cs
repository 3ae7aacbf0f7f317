using System.Text;
using System.Text.Json.Nodes;
using ServicesSync.Connections;

namespace ServicesSync.Activities.Http;

/// <summary>
/// The validated request of one execution. Built before any idempotency lookup or network
/// call so that bad inputs fail fast with an error that names the input. A class, not a
/// record, so that no generated ToString can print header values.
/// </summary>
internal sealed class HttpRequestPlan(
    HttpMethod method,
    Uri uri,
    IReadOnlyDictionary<string, string> headers,
    string? body,
    TimeSpan timeout,
    string? idempotencyKey,
    IReadOnlyCollection<int>? expectedStatus)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    public HttpMethod Method { get; } = method;

    public Uri Uri { get; } = uri;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public string? Body { get; } = body;

    public TimeSpan Timeout { get; } = timeout;

    public string? IdempotencyKey { get; } = idempotencyKey;

    public IReadOnlyCollection<int>? ExpectedStatus { get; } = expectedStatus;

    /// <summary>
    /// The URL as it may appear in errors and logs: no user info and no query string, where
    /// credentials and tokens are usually carried.
    /// </summary>
    public string DisplayUrl { get; } = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    public string Describe() => $"{Method.Method} {DisplayUrl}";

    public bool IsSuccess(int status)
        => ExpectedStatus is null ? status is >= 200 and <= 299 : ExpectedStatus.Contains(status);

    public static HttpRequestPlan Create(HttpRequestInputs inputs, ActivityContext context)
    {
        var uri = ParseUrl(inputs, context);
        if (inputs.Timeout <= TimeSpan.Zero || inputs.Timeout > MaxTimeout)
        {
            throw context.InvalidInput("timeout", "must be longer than zero and at most P1D.");
        }

        if (inputs.IdempotencyKey is not null && string.IsNullOrWhiteSpace(inputs.IdempotencyKey))
        {
            throw context.InvalidInput("idempotencyKey", "must not be blank when set; a blank key would make every call look like the same one.");
        }

        if (inputs.ExpectedStatus is { Length: 0 })
        {
            throw context.InvalidInput("expectedStatus", "must list at least one status code when set.");
        }

        foreach (var status in inputs.ExpectedStatus ?? [])
        {
            if (status is < 100 or > 599)
            {
                throw context.InvalidInput("expectedStatus", $"must hold HTTP status codes from 100 to 599; got {status}.");
            }
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in inputs.Headers ?? [])
        {
            // Only the name goes into the message: header values are often credentials.
            if (value is null || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw context.InvalidInput("headers", $"has a missing value or a line break in the value of header '{name}'.");
            }

            headers[name] = value;
        }

        if (inputs.IdempotencyKey is not null)
        {
            headers.TryAdd(IdempotencyHeader, inputs.IdempotencyKey);
        }

        var method = inputs.Method switch
        {
            HttpRequestMethod.Post => HttpMethod.Post,
            HttpRequestMethod.Put => HttpMethod.Put,
            HttpRequestMethod.Patch => HttpMethod.Patch,
            HttpRequestMethod.Delete => HttpMethod.Delete,
            _ => HttpMethod.Get,
        };
        var body = inputs.Body is null ? null : inputs.Body.ToJsonString();
        var plan = new HttpRequestPlan(method, uri, headers, body, inputs.Timeout, inputs.IdempotencyKey, inputs.ExpectedStatus) { BodyNode = inputs.Body };
        using var probe = plan.TryCreateMessage(out var badHeader);
        return badHeader is null ? plan : throw context.InvalidInput("headers", $"has a header name that HTTP does not allow: '{badHeader}'.");
    }

    /// <summary>
    /// The request for the connection pipeline. Credentials it carries (header values and query
    /// parameters named like secrets, a password in the URL) are handed over as its secrets, so
    /// the pipeline redacts them wherever a server echoes them.
    /// </summary>
    public ConnectionRequest ToConnectionRequest() => new(Method, Uri.AbsoluteUri)
    {
        Headers = Headers,
        Body = BodyNode?.DeepClone(),
        Timeout = Timeout,
        AcceptStatus = ExpectedStatus,
        Secrets = [.. SecretsOf(Uri, Headers)],
    };

    private JsonNode? BodyNode { get; init; }

    private static IEnumerable<string> SecretsOf(Uri uri, IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            if (SensitiveNames.IsSensitive(name))
            {
                yield return value;
                // "Bearer abc": the credential alone is what a server quotes back.
                if (value.IndexOf(' ', StringComparison.Ordinal) is var space and > 0)
                {
                    yield return value[(space + 1)..].Trim();
                }
            }
        }

        foreach (var part in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && SensitiveNames.IsSensitive(Uri.UnescapeDataString(part[..equals])))
            {
                yield return Uri.UnescapeDataString(part[(equals + 1)..].Replace('+', ' '));
            }
        }

        if (uri.UserInfo.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
        {
            yield return Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
    }

    private HttpRequestMessage TryCreateMessage(out string? badHeader)
    {
        badHeader = null;
        var message = new HttpRequestMessage(Method, Uri);
        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in Headers)
        {
            if (message.Headers.TryAddWithoutValidation(name, value))
            {
                continue;
            }

            if (!IsContentHeader(name))
            {
                badHeader = name;
                break;
            }

            // Content-Type and friends belong to the body; without one they mean nothing.
            if (message.Content is { } content)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    private static bool IsContentHeader(string name)
    {
        using var probe = new ByteArrayContent([]);
        return probe.Headers.TryAddWithoutValidation(name, "x");
    }

    private static Uri ParseUrl(HttpRequestInputs inputs, ActivityContext context)
    {
        var url = context.Require(inputs.Url, "url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            // The URL itself is left out: a malformed one cannot be stripped of its secrets.
            throw context.InvalidInput("url", "must be an absolute http:// or https:// URL.");
        }

        if (inputs.Query is not { Count: > 0 } query)
        {
            return uri;
        }

        var builder = new UriBuilder(uri);
        var text = new StringBuilder(builder.Query.TrimStart('?'));
        foreach (var (name, value) in query)
        {
            text.Append(text.Length == 0 ? "" : "&")
                .Append(Uri.EscapeDataString(name))
                .Append('=')
                .Append(Uri.EscapeDataString(value ?? ""));
        }

        builder.Query = text.ToString();
        return builder.Uri;
    }
}
