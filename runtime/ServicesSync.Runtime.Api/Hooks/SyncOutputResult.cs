using System.Text;
using Microsoft.AspNetCore.Http;

namespace ServicesSync.Api.Hooks;

/// <summary>A synchronous hook's answer: the workflow's output as stored (JSON text), written as it is.</summary>
internal sealed class SyncOutputResult(string instanceId, string? outputJson) : IResult
{
    public const string InstanceHeader = "X-ServicesSync-Instance-Id";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.Headers[InstanceHeader] = instanceId;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        return httpContext.Response.WriteAsync(outputJson ?? "null", Encoding.UTF8);
    }
}
