using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServicesSync.Activities;
using ServicesSync.Api.Security;
using ServicesSync.Json;
using ServicesSync.Registry;

namespace ServicesSync.Api.ActivityTypes;

/// <summary>The activity descriptors the designer generates its palette and property panels from.</summary>
internal static class ActivityTypesApi
{
    public static void MapActivityTypesApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/activity-types", GetActivityTypes)
            .RequireAuthorization(ApiScopes.Read)
            .WithName("ListActivityTypes")
            .WithTags("Activity types")
            .WithSummary("Every registered version of every activity type.");
    }

    // Descriptors use the activity JSON options: the same spelling the validator and engine use.
    internal static JsonHttpResult<IReadOnlyList<ActivityDescriptor>> GetActivityTypes(IActivityRegistry registry)
        => TypedResults.Json(registry.Descriptors, ActivityJson.Options);
}
