using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Templates.Tests.Environment;

/// <summary>
/// A vendor API (BambooHR, Workday, Jira, Tempo, Salesforce) as far as a case needs it: the
/// responses its <c>serve</c> section lists, 404 for any other read, and <c>201 {}</c> for any
/// other write, which is recorded as posted.
/// </summary>
internal sealed class VendorStub : IAsyncDisposable
{
    private VendorStub(StubServer server, CannedRoutes routes)
    {
        Server = server;
        Routes = routes;
    }

    public StubServer Server { get; }

    public CannedRoutes Routes { get; }

    public static async Task<VendorStub> StartAsync(CannedRoutes routes)
    {
        var server = await StubServer.StartAsync(async (context, _) =>
        {
            if (await routes.TryAnswerAsync(context))
            {
                return;
            }

            var read = HttpMethods.IsGet(context.Request.Method);
            context.Response.StatusCode = read ? 404 : 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(read
                ? new JsonObject { ["errorMessages"] = new JsonArray($"Nothing is served at {context.Request.Path} in this case.") }.ToJsonString()
                : "{}");
        });
        return new VendorStub(server, routes);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
