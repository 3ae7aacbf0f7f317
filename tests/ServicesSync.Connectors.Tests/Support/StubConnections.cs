using ServicesSync.Connections;

namespace ServicesSync.Connectors.Tests.Support;

internal static class StubConnections
{
    public static ConnectionDefinition Bearer(string type, Uri baseUri) => new()
    {
        Type = type,
        BaseUrl = baseUri.ToString(),
        Auth = new ConnectionAuth { Kind = AuthKinds.Bearer },
        Resilience = new ConnectionResilience { MaxRetries = 0 },
    };

    public static Dictionary<string, string> Token(string token) => new() { ["token"] = token };
}
