using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ServicesSync.Activities.Services.Http;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Tests.Http;

public class HttpServiceApiClientTests
{
    private sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public HttpRequestMessage? Seen { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen = request;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private static readonly ServiceRequest Request = new(
        "BambooHR", new Uri("https://acme.bamboohr.com/api/v1/employees/412?fields=firstName"), ServiceAuth.Basic("s3cr3t-key", "x"), TimeSpan.FromSeconds(30));

    private static async Task<(StubHandler Handler, Exception? Error, System.Text.Json.Nodes.JsonNode? Json)> SendAsync(HttpStatusCode status, string body)
    {
        var handler = new StubHandler(status, body);
        var client = new HttpServiceApiClient(new Factory(handler), new FakeTimeProvider());
        try
        {
            return (handler, null, await client.GetJsonAsync(Request, CancellationToken.None));
        }
        catch (ServicesSyncException ex)
        {
            return (handler, ex, null);
        }
    }

    [Fact]
    public async Task Get_Success_ParsesJsonAndSendsBasicAuthAndAcceptJson()
    {
        var (handler, error, json) = await SendAsync(HttpStatusCode.OK, """{"id":"412"}""");

        Assert.Null(error);
        Assert.Equal("412", (string?)json!["id"]);
        Assert.Equal("Basic", handler.Seen!.Headers.Authorization!.Scheme);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("s3cr3t-key:x")), handler.Seen.Headers.Authorization.Parameter);
        Assert.Equal("application/json", handler.Seen.Headers.Accept.Single().MediaType);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, ErrorKind.Configuration, false)]
    [InlineData(HttpStatusCode.Forbidden, ErrorKind.Configuration, false)]
    [InlineData(HttpStatusCode.NotFound, ErrorKind.Permanent, false)]
    [InlineData(HttpStatusCode.TooManyRequests, ErrorKind.Transient, true)]
    [InlineData(HttpStatusCode.RequestTimeout, ErrorKind.Transient, true)]
    [InlineData(HttpStatusCode.BadGateway, ErrorKind.Transient, true)]
    public async Task Get_ErrorStatus_IsClassifiedForRetries(HttpStatusCode status, ErrorKind kind, bool retryable)
    {
        var (_, error, _) = await SendAsync(status, """{"message":"nope"}""");

        var ex = Assert.IsType<ServicesSyncException>(error);
        Assert.Equal((kind, retryable), (ex.Kind, ex.Retryable));
        Assert.StartsWith($"BambooHR answered GET https://acme.bamboohr.com/api/v1/employees/412 with {(int)status}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fields=", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NotJson_IsAPermanentErrorNamingTheSystem()
    {
        var (_, error, _) = await SendAsync(HttpStatusCode.OK, "<html>login</html>");

        Assert.StartsWith("BambooHR answered https://acme.bamboohr.com/api/v1/employees/412 with a body that is not JSON", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceAuth_ToString_NeverShowsTheSecretNorTheUser()
    {
        Assert.Equal("Basic", ServiceAuth.Basic("s3cr3t-key", "pw").ToString());
        Assert.Equal("Bearer", ServiceAuth.Bearer("token-123").ToString());
    }
}
