using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Http;

namespace ServicesSync.Activities.Services.Tests.Http;

/// <summary>Answers GETs from a table of URL → JSON (or an exception) and records every request.</summary>
internal sealed class FakeServiceApiClient : IServiceApiClient
{
    private readonly Dictionary<string, Func<JsonNode?>> answers = new(StringComparer.Ordinal);

    public List<ServiceRequest> Requests { get; } = [];

    public FakeServiceApiClient Answer(string url, JsonNode? json)
    {
        answers[url] = () => json?.DeepClone();
        return this;
    }

    public FakeServiceApiClient Fail(string url, Exception exception)
    {
        answers[url] = () => throw exception;
        return this;
    }

    public Task<JsonNode?> GetJsonAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return answers.TryGetValue(request.Url.ToString(), out var answer)
            ? Task.FromResult(answer())
            : throw new InvalidOperationException($"No canned answer for {request.Url}; known: {string.Join(", ", answers.Keys)}");
    }
}
