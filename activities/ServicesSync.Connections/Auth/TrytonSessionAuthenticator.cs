using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Connections.Http;
using ServicesSync.Errors;

namespace ServicesSync.Connections.Auth;

/// <summary>
/// Tryton's session login: <c>common.db.login</c> answers <c>[user id, session]</c>, then every
/// call carries <c>Authorization: Session base64(user:id:session)</c>. Sessions expire after
/// inactivity; the server then answers 401 or 403 and one new login is worth a try.
/// </summary>
internal sealed class TrytonSessionAuthenticator(Connection connection, HttpClient client, TimeProvider clock) : IConnectionAuthenticator
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string password = connection.Secrets.Require(connection.Id, "password");
    private string? header;
    private string? session;

    public void Dispose() => gate.Dispose();

    public IEnumerable<string> SensitiveValues => header is null ? [password] : [password, header, session!];

    /// <summary>The JSON-RPC endpoint of the connection's database: <c>{baseUrl}{database}/</c>.</summary>
    public static Uri Endpoint(Connection connection)
        => new(connection.BaseUri, Uri.EscapeDataString(connection.Definition.Auth.Database ?? "") + "/");

    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            header ??= await LoginAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var had = header is not null;
            header = null;
            session = null;
            return had;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string> LoginAsync(CancellationToken cancellationToken)
    {
        var username = connection.Definition.Auth.Username!;
        var endpoint = Endpoint(connection);
        var what = $"Connection '{connection.Id}': the Tryton login at {Redactor.DisplayUrl(endpoint)}";
        var body = new JsonObject
        {
            ["id"] = 0,
            ["method"] = "common.db.login",
            ["params"] = new JsonArray(username, new JsonObject { ["password"] = password }, "en"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var timeout = new CancellationTokenSource(connection.Definition.Resilience.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ServicesSyncException($"{what} failed: {(ex is OperationCanceledException ? "timed out" : ex.Message)}", ErrorKind.Transient);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status == 429)
            {
                // Tryton answers 429 after repeated failed logins; more attempts would extend the lockout.
                throw new ServicesSyncException($"{what} was refused with 429 after too many failed logins: check the user name and password of connection '{connection.Id}'.", ErrorKind.Configuration);
            }

            if (status >= 500)
            {
                throw new ServicesSyncException($"{what} answered {status}.", ErrorKind.Transient);
            }

            var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            JsonNode? reply = null;
            try
            {
                reply = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
            }

            if (!response.IsSuccessStatusCode || reply?["result"] is not JsonArray { Count: 2 } result
                || result[0] is not JsonValue id || result[1] is not JsonValue sessionValue
                || !sessionValue.TryGetValue<string>(out var newSession))
            {
                // The error body is not quoted: Tryton may echo the login parameters.
                throw new ServicesSyncException(
                    $"{what} was refused ({status}): check the user name, password and database of connection '{connection.Id}'.", ErrorKind.Configuration);
            }

            session = newSession;
            var pair = $"{username}:{id.ToJsonString()}:{newSession}";
            return "Session " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
        }
    }
}
