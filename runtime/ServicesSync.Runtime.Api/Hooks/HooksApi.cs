using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServicesSync.Api.Problems;

namespace ServicesSync.Api.Hooks;

/// <summary>
/// <c>/hooks/{path}</c>: webhook triggers of published workflows. Outside <c>/api/v1</c> and without
/// the API key scheme on purpose: each hook authenticates its callers itself (signature, shared
/// secret or API key, as its trigger says).
/// </summary>
internal static class HooksApi
{
    public const string Prefix = "/hooks";

    public static void MapHooksApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Prefix + "/{**path}", [HttpMethods.Post, HttpMethods.Put], (string? path, HttpContext context, WebhookIntake intake) => intake.HandleAsync(path ?? "", context))
            .AllowAnonymous()
            .AddEndpointFilter<ProblemExceptionFilter>()
            .WithTags("Webhooks")
            .WithName("ReceiveWebhook")
            .WithSummary("Starts a run of the published workflow whose webhook trigger has this path: 202 {instanceId} once stored, 200 {duplicate: true} for a redelivery, or the workflow's output for a synchronous hook.")
            .Accepts<object>("application/json");
    }
}
