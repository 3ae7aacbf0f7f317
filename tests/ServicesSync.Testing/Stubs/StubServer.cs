using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ServicesSync.Testing.Stubs;

/// <summary>
/// A real HTTP server on 127.0.0.1 with a free port, answering every request with a handler.
/// Vendor stubs build on it; every request is recorded for assertions. Faults queued with
/// <see cref="Enqueue"/> answer the next requests before the handler sees them.
/// </summary>
public sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<StubFault> faults = new();
    private readonly ConcurrentQueue<StubRequest> requests = new();

    private StubServer(WebApplication app) => this.app = app;

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Every request received, faulted ones included, in arrival order.</summary>
    public IReadOnlyList<StubRequest> Requests => [.. requests];

    public static async Task<StubServer> StartAsync(Func<HttpContext, string, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new StubServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            server.requests.Enqueue(new StubRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            if (server.faults.TryDequeue(out var fault))
            {
                await fault.ApplyAsync(context);
                return;
            }

            await handler(context, body);
        });
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers the next requests with faults, in order, before the handler is asked.</summary>
    public void Enqueue(params StubFault[] next)
    {
        foreach (var fault in next)
        {
            faults.Enqueue(fault);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>A request as the stub saw it.</summary>
public sealed record StubRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
