using System.Net;
using ServicesSync.Api.Security;

namespace ServicesSync.Host.Tests.Api;

/// <summary>Errors made by the framework, not the API's handlers, have the same problem shape.</summary>
public sealed class ProblemDetailsTests(ServicesSyncApiFactory factory) : IClassFixture<ServicesSyncApiFactory>
{
    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task WrongMethod_Returns405Problem()
    {
        using var response = await factory.CreateClient().PutAsync(new Uri("/health", UriKind.Relative), null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Equal("The route /health does not take PUT.", ProblemAssert.Detail(problem));
    }

    [Fact]
    public async Task NonIntegerVersionInThePath_Returns404NamingTheRoute()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read);

        using var response = await client.GetAsync(new Uri("/api/v1/workflows/greet/versions/latest", UriKind.Relative));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Contains("GET /api/v1/workflows/greet/versions/latest", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyThatIsNotJson_Returns415NamingTheContentType()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);

        using var response = await client.PostAsync(
            new Uri("/api/v1/workflows", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Contains("'text/plain; charset=utf-8'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }
}
