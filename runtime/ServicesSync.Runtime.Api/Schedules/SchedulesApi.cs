using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServicesSync.Api.Http;
using ServicesSync.Api.Security;
using ServicesSync.Persistence;

namespace ServicesSync.Api.Schedules;

/// <summary>The schedules of published workflows with their last and next fire times, as the scheduler keeps them in the store.</summary>
internal static class SchedulesApi
{
    public static void MapSchedulesApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/schedules", ListAsync)
            .RequireAuthorization(ApiScopes.Read)
            .WithTags("Schedules")
            .WithName("ListSchedules")
            .WithSummary("Every schedule trigger of the active published workflows (?workflow= filters) with its timing, misfire policy, last and next fire time.");
    }

    internal static async Task<Ok<ScheduleListResponse>> ListAsync(HttpRequest request, IScheduleStore store, CancellationToken cancellationToken)
    {
        var workflow = Query.String(request, "workflow");
        var schedules = await store.ListSchedulesAsync(cancellationToken);
        var items = schedules
            .Where(s => workflow is null || s.WorkflowId == workflow)
            .Select(ScheduleResponse.From)
            .ToArray();
        return TypedResults.Ok(new ScheduleListResponse(items));
    }
}
