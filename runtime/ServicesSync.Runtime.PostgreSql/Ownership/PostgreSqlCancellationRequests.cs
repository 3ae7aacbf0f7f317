using ServicesSync.Execution.Ownership;
using ServicesSync.Persistence.PostgreSql.Notifications;

namespace ServicesSync.Persistence.PostgreSql.Ownership;

/// <summary>
/// Cancellation requests in <c>run_cancellations</c>, written and announced in one transaction so
/// the holder hears of a request only once it is there to be taken. A request outlives its run by
/// at most the pruning of the run (or a day, for a run that finished before its holder saw it).
/// </summary>
internal sealed class PostgreSqlCancellationRequests(PostgreSqlWorkflowStore store, TimeProvider clock) : ICancellationRequests
{
    private static readonly TimeSpan Stale = TimeSpan.FromDays(1);

    public async Task RequestAsync(string instanceId, CancellationToken cancellationToken)
        => await store.ExecuteAsync(
            async (connection, transaction) =>
            {
                await using (var insert = connection.Command(
                    "insert into run_cancellations (instance_id, requested_at) values ($1, $2) on conflict (instance_id) do nothing",
                    transaction,
                    instanceId,
                    clock.GetUtcNow().UtcTicks))
                {
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                await using var notify = connection.Command(WorkChanges.Notify, transaction, WorkChanges.Cancel);
                await notify.ExecuteNonQueryAsync(cancellationToken);
                return 0;
            },
            cancellationToken);

    public async Task<IReadOnlyList<string>> TakeAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
        => instanceIds.Count == 0
            ? []
            : await store.ExecuteAsync<IReadOnlyList<string>>(
                async (connection, transaction) =>
                {
                    await using var take = connection.Command(
                        "delete from run_cancellations where instance_id = any($1) or requested_at < $2 returning instance_id",
                        transaction,
                        instanceIds.ToArray(),
                        (clock.GetUtcNow() - Stale).UtcTicks);
                    var wanted = instanceIds.ToHashSet(StringComparer.Ordinal);
                    var taken = await take.ListAsync(r => r.GetString(0), cancellationToken);
                    return [.. taken.Where(wanted.Contains)];
                },
                cancellationToken);
}
