using System.Net;
using ServicesSync.Designer.Tests.Support;

namespace ServicesSync.Designer.Tests.Hosting;

public sealed class DesignerAppTests : IClassFixture<DesignerFactory>
{
    private readonly DesignerFactory factory;

    public DesignerAppTests(DesignerFactory factory) => this.factory = factory;

    [Fact]
    public async Task SharedApi_IsServedWithTheSameRoutesAsTheHeadlessHost()
    {
        using var client = factory.CreateSignedInClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var types = await HttpJson.ReadAsync(await client.GetAsync("/api/v1/activity-types"));
        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("type").GetString() == "core.webhook");
        var created = await client.PostAsync("/api/v1/workflows", HttpJson.Content(Workflows.Branching));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/no-such-route")]
    [InlineData("/api/v1/design/nothing-here")]
    public async Task UnknownApiRoute_IsAProblem404NotTheBrowserApp(string path)
    {
        using var client = factory.CreateSignedInClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AppPath_IsAnsweredByTheBrowserAppNotA404()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/workflows/anything");

        // index.html when the web app was built next to the binaries, else a plain explanation.
        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentType?.MediaType, new[] { "text/html", "text/plain" });
    }
}
