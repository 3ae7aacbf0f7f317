using System.Net;

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

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }
}
