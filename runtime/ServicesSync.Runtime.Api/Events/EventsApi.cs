using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using ServicesSync.Api.Http;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Security;
using ServicesSync.Execution.Events;

namespace ServicesSync.Api.Events;

/// <summary>
/// Business events from outside a run (a manager's approval from a portal, an ERP callback): they
/// start subscribed workflows and resume runs waiting for them, like events published by a run.
/// </summary>
internal static class EventsApi
{
    /// <summary>Names are matched against triggers and journaled with every run they start; a page of text is no name.</summary>
    public const int MaxNameLength = 200;

    public static void MapEventsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/events", PublishAsync)
            .RequireAuthorization(ApiScopes.Run)
            .WithTags("Events")
            .WithName("PublishEvent")
            .WithSummary("Publishes a business event {name, payload, correlationKey}: subscribed workflows start, runs waiting with the same correlation key resume.")
            .Accepts<PublishEventRequest>("application/json");
    }

    internal static async Task<Results<Accepted<PublishEventResponse>, ProblemHttpResult>> PublishAsync(
        HttpRequest request, IEventPublisher publisher, IOptions<RuntimeOptions> runtimeOptions, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadJsonAsync(request, runtimeOptions.Value.MaxMessageBytes, cancellationToken);
        if (body is not JsonObject fields
            || fields["name"] is not JsonValue nameValue
            || !nameValue.TryGetValue<string>(out var name)
            || string.IsNullOrWhiteSpace(name))
        {
            return ApiProblems.InvalidRequest(
                "The body must be an object with a non-empty string 'name', and optionally 'payload' (any JSON) and 'correlationKey' (a string).");
        }

        if (name.Length > MaxNameLength)
        {
            return ApiProblems.InvalidRequest($"'name' is {name.Length} characters long; an event name is at most {MaxNameLength}.");
        }

        // A misspelt "correlationKey" would otherwise publish an event no waiting run receives.
        if (fields.Select(p => p.Key).FirstOrDefault(k => k is not ("name" or "payload" or "correlationKey")) is { } unknown)
        {
            return ApiProblems.InvalidRequest($"The event has an unknown property '{unknown}'; the properties are 'name', 'payload' and 'correlationKey'.");
        }

        string? correlationKey = null;
        if (fields["correlationKey"] is { } key && (key is not JsonValue keyValue || !keyValue.TryGetValue(out correlationKey)))
        {
            return ApiProblems.InvalidRequest("'correlationKey' must be a string.");
        }

        var published = await publisher.PublishAsync(name, fields["payload"]?.DeepClone(), correlationKey, cancellationToken);
        return TypedResults.Accepted((string?)null, new PublishEventResponse(published.Id, published.Name, published.CorrelationKey));
    }
}

internal sealed record PublishEventRequest(string Name, JsonNode? Payload, string? CorrelationKey);

internal sealed record PublishEventResponse(string Id, string Name, string? CorrelationKey);
