namespace ServicesSync.Persistence.PostgreSql.Notifications;

/// <summary>
/// The channel that wakes idle nodes when work for them is committed. The payload says what:
/// <see cref="Events"/> and <see cref="Timers"/> come from triggers in the schema (migration
/// 0003), <see cref="Released"/> from a node handing its runs over at a graceful stop, and
/// <see cref="Cancel"/> from a node asking the holder of a run to cancel it. The payload is the
/// schema, a space and the kind: nodes of another deployment in the same database (another
/// schema) hear it too and ignore it.
/// </summary>
internal static class WorkChanges
{
    public const string Channel = "servicessync_work";

    public const string Events = "events";

    public const string Timers = "timers";

    public const string Released = "released";

    public const string Cancel = "cancel";

    /// <summary>The statement that notifies; its one parameter is the kind.</summary>
    public const string Notify = "select pg_notify('" + Channel + "', current_schema() || ' ' || $1)";

    /// <summary>The kind of a notification for <paramref name="schema"/>, or null when it is another schema's.</summary>
    public static string? KindFor(string schema, string payload)
    {
        var space = payload.LastIndexOf(' ');
        return space > 0 && payload.AsSpan(0, space).SequenceEqual(schema) ? payload[(space + 1)..] : null;
    }
}
