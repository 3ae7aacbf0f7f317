using ServicesSync.Execution.Ownership;
using ServicesSync.Persistence.PostgreSql.Notifications;

namespace ServicesSync.Persistence.PostgreSql.Ownership;

/// <summary>
/// Runs owned through leases in <c>run_leases</c>. Every claim is one conditional upsert, so of
/// two nodes claiming the same run at once exactly one gets it; a lease is taken over only once
/// it has expired, i.e. its node stopped renewing it for <see cref="RuntimeOptions.LeaseDuration"/>.
/// Lease writes commit without waiting for the disk (<c>synchronous_commit=off</c> for their own
/// transaction only): a lease is soft state — one lost in a database crash leaves its run running
/// without an owner, which is exactly what the takeover looks for — and a flush per run start and
/// end would double what a run costs the database. Better still, a run this node creates is
/// claimed by its creation commit, and a run that ends for good is released by its last commit
/// (<see cref="ClaimWithCreation"/>, <see cref="ReleaseWithEnd"/>): no lease transaction at all.
/// </summary>
internal sealed class PostgreSqlRunOwnership(PostgreSqlWorkflowStore store, RuntimeOptions options, TimeProvider clock) : IRunOwnership
{
    private const string Claim = """
        insert into run_leases (instance_id, node, expires_at) values ($1, $2, $3)
        on conflict (instance_id) do update set node = excluded.node, expires_at = excluded.expires_at
        where run_leases.node = excluded.node or run_leases.expires_at < $4
        returning 1
        """;

    private const string ClaimOrphans = """
        insert into run_leases (instance_id, node, expires_at)
        select i.id, $1, $2 from instances i left join run_leases l on l.instance_id = i.id
        where i.status = 'Running' and (l.instance_id is null or l.expires_at < $3)
        order by i.created_at
        limit $4
        on conflict (instance_id) do update set node = excluded.node, expires_at = excluded.expires_at
        where run_leases.expires_at < $3
        returning instance_id
        """;

    public string NodeId { get; } = options.ResolveNodeId();

    public bool IsShared => true;

    public Task<bool> TryAcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return SoftAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(Claim, transaction, instanceId, NodeId, Expiry(now), now.UtcTicks);
                return await command.ExecuteScalarAsync(cancellationToken) is not null;
            },
            cancellationToken);
    }

    public async Task ReleaseAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await SoftAsync(
                async (connection, transaction) =>
                {
                    await using var command = connection.Command("delete from run_leases where instance_id = $1 and node = $2", transaction, instanceId, NodeId);
                    return await command.ExecuteNonQueryAsync(cancellationToken);
                },
                cancellationToken);
        }
#pragma warning disable CA1031 // A lease left behind expires by itself; the driver that ended must not fail for it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public Task<IReadOnlyList<string>> ClaimOrphansAsync(int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return SoftAsync<IReadOnlyList<string>>(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(ClaimOrphans, transaction, NodeId, Expiry(now), now.UtcTicks, max);
                return await command.ListAsync(r => r.GetString(0), cancellationToken);
            },
            cancellationToken);
    }

    public LeaseChange? ClaimWithCreation() => LeaseChange.Claim(NodeId, clock.GetUtcNow() + options.LeaseDuration);

    public LeaseChange? ReleaseWithEnd() => LeaseChange.Release(NodeId);

    public Task RenewAsync(IReadOnlyCollection<string> driving, CancellationToken cancellationToken)
        => driving.Count == 0
            ? Task.CompletedTask
            : SoftAsync(
                async (connection, transaction) =>
                {
                    await using var command = connection.Command(
                        "update run_leases set expires_at = $2 where node = $1 and instance_id = any($3)",
                        transaction,
                        NodeId,
                        Expiry(clock.GetUtcNow()),
                        driving.ToArray());
                    return await command.ExecuteNonQueryAsync(cancellationToken);
                },
                cancellationToken);

    public Task ReleaseAllAsync(CancellationToken cancellationToken)
        => SoftAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command("delete from run_leases where node = $1", transaction, NodeId);
                var released = await command.ExecuteNonQueryAsync(cancellationToken);
                // The others take the runs over now rather than at their next scan. Even when no
                // lease was left: the drivers that ended in the drain gave theirs back one by one.
                await using var notify = connection.Command(WorkChanges.Notify, transaction, WorkChanges.Released);
                await notify.ExecuteNonQueryAsync(cancellationToken);
                return released;
            },
            cancellationToken);

    private long Expiry(DateTimeOffset now) => (now + options.LeaseDuration).UtcTicks;

    private Task<T> SoftAsync<T>(Func<Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
        => store.ExecuteAsync(
            async (connection, transaction) =>
            {
                await using (var soft = connection.Command("set local synchronous_commit to off", transaction))
                {
                    await soft.ExecuteNonQueryAsync(cancellationToken);
                }

                return await work(connection, transaction);
            },
            cancellationToken);
}
