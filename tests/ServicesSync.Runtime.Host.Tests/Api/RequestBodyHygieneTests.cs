using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ServicesSync.Api.Security;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Api;

/// <summary>
/// Bodies that are JSON only at first sight: a property name given twice, bytes that are not
/// UTF-8. Each route refuses them with a 400 before storing or starting anything.
/// </summary>
public sealed class RequestBodyHygieneTests(ServicesSyncApiFactory factory) : IClassFixture<ServicesSyncApiFactory>
{
    [Theory]
    [InlineData("/api/v1/events", """{ "name": "a", "name": "b" }""")]
    [InlineData("/api/v1/connections", """{ "id": "c1", "id": "c2", "type": "generic" }""")]
    [InlineData("/api/v1/instances/01M8CB9GV47GY02BXF2G0RQ5RP/retry", """{ "version": 1, "version": 2 }""")]
    public async Task Post_DuplicatePropertyName_IsMalformedJsonNamingIt(string route, string body)
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);

        using var response = await client.PostAsync(new Uri(route, UriKind.Relative), HttpJson.Content(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        Assert.Contains("Duplicate", ProblemAssert.Detail(problem), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StartRun_DuplicatePropertyName_IsRefusedAndStartsNoRun()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        var id = "dup-" + Guid.NewGuid().ToString("N")[..8];
        await ApiScenario.PublishAsync(client, SampleWorkflows.Greet(id), id);

        using var response = await client.PostAsync(
            new Uri($"/api/v1/workflows/{id}/runs", UriKind.Relative), HttpJson.Content("""{ "name": "a", "name": "b" }"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        var runs = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/instances?workflow={id}", UriKind.Relative)));
        Assert.Equal(0, runs.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/events", """{ "name": "a", "payload": "#" }""")]
    [InlineData("/api/v1/connections", """{ "id": "c1", "type": "generic", "displayName": "#" }""")]
    [InlineData("/api/v1/workflows", """{ "schemaVersion": 1, "id": "utf", "name": "#", "activities": [], "connections": [] }""")]
    public async Task Post_InvalidUtf8_IsABadRequestNamingTheByte(string route, string body)
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        var bytes = Encoding.UTF8.GetBytes(body);
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync(new Uri(route, UriKind.Relative), content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("UTF-8", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains($"offset {Array.IndexOf(bytes, (byte)0xFF)}", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }
}
