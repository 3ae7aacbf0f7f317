using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ServicesSync.Host.Tests.Recovery;

/// <summary>
/// A loopback HTTP target that behaves like an ERP honouring <c>Idempotency-Key</c> (Stripe-style,
/// or NetSuite's upsert by external id): every delivery is counted, but a key it has seen
/// produces no second effect. Each post takes a little while, so a run can be killed midway.
/// </summary>
internal sealed class IdempotentSink : IAsyncDisposable
{
    private readonly WebApplication app;

    private IdempotentSink(WebApplication app) => this.app = app;

    public ConcurrentQueue<string> Deliveries { get; } = new();

    public ConcurrentDictionary<string, int> Effects { get; } = new();

    public Uri Url => new(app.Urls.First() + "/timebills");

    public static async Task<IdempotentSink> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new IdempotentSink(app);
        app.MapPost("/timebills", async (HttpRequest request) =>
        {
            var key = request.Headers["Idempotency-Key"].ToString();
            sink.Deliveries.Enqueue(key);
            await Task.Delay(latency);
            var created = sink.Effects.TryAdd(key, 1);
            return Results.Json(new { key, created }, statusCode: created ? 201 : 200);
        });
        await app.StartAsync();
        return sink;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
