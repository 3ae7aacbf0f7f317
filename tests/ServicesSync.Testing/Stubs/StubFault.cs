using Microsoft.AspNetCore.Http;

namespace ServicesSync.Testing.Stubs;

/// <summary>A documented failure a vendor API produces: throttling, outages, refused credentials, slowness.</summary>
public sealed class StubFault
{
    private readonly Func<HttpContext, Task> apply;

    private StubFault(Func<HttpContext, Task> apply) => this.apply = apply;

    public Task ApplyAsync(HttpContext context) => apply(context);

    public static StubFault Status(int status, string? body = null) => new(async context =>
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
    });

    /// <summary>429 with <c>Retry-After</c> in delay seconds.</summary>
    public static StubFault TooManyRequests(int retryAfterSeconds) => new(context =>
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    });

    /// <summary>503 with <c>Retry-After</c> as an HTTP-date.</summary>
    public static StubFault UnavailableUntil(DateTimeOffset until) => new(context =>
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = until.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    });

    /// <summary>Holds the request until <paramref name="release"/> completes (a slow server), then answers 200.</summary>
    public static StubFault Slow(Task release) => new(async context =>
    {
        await Task.WhenAny(release, Task.Delay(Timeout.Infinite, context.RequestAborted));
        if (!context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    });

    /// <summary>The same fault <paramref name="count"/> times (a storm).</summary>
    public static StubFault[] Times(int count, Func<StubFault> fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return [.. Enumerable.Range(0, count).Select(_ => fault())];
    }
}
