using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Http;

/// <summary>
/// The one seam between the readers and the network. Parsing and mapping never see HTTP, so
/// they are tested on stored payloads; when connections land, this is the interface that moves
/// onto the connection's resilient pipeline.
/// </summary>
public interface IServiceApiClient
{
    /// <summary>GETs JSON; failures are <see cref="Errors.ServicesSyncException"/>s whose retryability follows the status.</summary>
    Task<JsonNode?> GetJsonAsync(ServiceRequest request, CancellationToken cancellationToken);
}
