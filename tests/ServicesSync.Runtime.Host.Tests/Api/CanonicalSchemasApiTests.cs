using System.Net;
using System.Text.Json;
using ServicesSync.Api.Security;

namespace ServicesSync.Host.Tests.Api;

public sealed class CanonicalSchemasApiTests(ServicesSyncApiFactory factory) : IClassFixture<ServicesSyncApiFactory>
{
    [Fact]
    public async Task List_ReturnsEveryCanonicalEntityWithItsVersionAndLink()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read);

        var list = await HttpJson.ReadAsync(await client.GetAsync(new Uri("/api/v1/schemas/canonical", UriKind.Relative)));

        var entities = list.EnumerateArray().Select(e => e.GetProperty("entity").GetString()).ToArray();
        Assert.Contains("worker", entities);
        Assert.Contains("timeEntry", entities);
        Assert.Contains("rateCard", entities);
        var worker = list.EnumerateArray().Single(e => e.GetProperty("entity").GetString() == "worker");
        Assert.Equal(1, worker.GetProperty("version").GetInt32());
        Assert.True(worker.GetProperty("latest").GetBoolean());
        Assert.Equal("https://servicessync.dev/schemas/canonical/worker/1.json", worker.GetProperty("id").GetString());
        Assert.Equal("/api/v1/schemas/canonical/worker?version=1", worker.GetProperty("href").GetString());
    }

    [Fact]
    public async Task Get_ReturnsTheSchemaAsSchemaJson()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read);

        using var response = await client.GetAsync(new Uri("/api/v1/schemas/canonical/timeEntry", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://servicessync.dev/schemas/canonical/timeEntry/1.json", schema.GetProperty("$id").GetString());
        Assert.True(schema.GetProperty("properties").TryGetProperty("workDate", out _));
    }

    [Fact]
    public async Task Get_ExplicitVersion_ReturnsThatVersion()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read);

        using var response = await client.GetAsync(new Uri("/api/v1/schemas/canonical/worker?version=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownEntity_Is404NamingTheKnownOnes()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read);

        using var response = await client.GetAsync(new Uri("/api/v1/schemas/canonical/employee", UriKind.Relative));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.StartsWith("There is no canonical schema for 'employee'. Known entities: ", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("worker", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownVersion_Is404()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read);

        using var response = await client.GetAsync(new Uri("/api/v1/schemas/canonical/worker?version=7", UriKind.Relative));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("There is no version 7 of the canonical schema for 'worker'.", ProblemAssert.Detail(problem));
    }

    [Fact]
    public async Task Get_MalformedVersion_Is400NamingTheParameter()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read);

        using var response = await client.GetAsync(new Uri("/api/v1/schemas/canonical/worker?version=latest", UriKind.Relative));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("'version'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_NeedTheReadScope()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);

        using var list = await client.GetAsync(new Uri("/api/v1/schemas/canonical", UriKind.Relative));
        using var one = await client.GetAsync(new Uri("/api/v1/schemas/canonical/worker", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(one, HttpStatusCode.Forbidden, "forbidden");
    }
}
