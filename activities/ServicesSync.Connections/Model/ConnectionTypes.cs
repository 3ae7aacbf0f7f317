namespace ServicesSync.Connections;

/// <summary>
/// The systems a connection can point at. Stored in connections and shown by the designer, so a
/// value never changes once published.
/// </summary>
public static class ConnectionTypes
{
    public const string NetSuite = "netsuite";
    public const string Tryton = "tryton";
    public const string Redmine = "redmine";
    public const string Jira = "jira";
    public const string BambooHr = "bamboohr";
    public const string Workday = "workday";
    public const string Salesforce = "salesforce";

    /// <summary>Tempo's REST API (api.tempo.io): a host and a token of its own, apart from Jira's.</summary>
    public const string Tempo = "tempo";

    /// <summary>Any REST API reached through <c>rest.request</c>.</summary>
    public const string Rest = "rest";

    /// <summary>Any JSON-RPC endpoint reached through <c>jsonrpc.call</c>.</summary>
    public const string JsonRpc = "jsonRpc";

    public static IReadOnlyList<string> All { get; } = [NetSuite, Tryton, Redmine, Jira, Tempo, BambooHr, Workday, Salesforce, Rest, JsonRpc];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
