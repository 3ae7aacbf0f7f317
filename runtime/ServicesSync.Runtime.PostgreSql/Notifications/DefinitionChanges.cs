namespace ServicesSync.Persistence.PostgreSql.Notifications;

/// <summary>
/// The channel a publish or delete notifies in the same transaction, so every node hears of it
/// when (and only if) it commits.
/// </summary>
internal static class DefinitionChanges
{
    public const string Channel = "servicessync_definitions";

    /// <summary>The statement that notifies; its one parameter is the workflow id.</summary>
    public const string Notify = "select pg_notify('" + Channel + "', $1)";
}
