using Npgsql;

namespace ServicesSync.Persistence.PostgreSql.Commits;

/// <summary>
/// The run leases that ride on a commit batch (<see cref="LeaseChange"/>): claims of runs the batch
/// creates and releases of runs it ends, one statement each. They are flushed with the batch, at
/// no extra cost, where a lease of its own transaction commits without waiting for the disk.
/// </summary>
internal static class LeaseRows
{
    // A claim rides only on the creation of an id its node has just generated, so no row can be
    // there: "do nothing" keeps a freak collision from failing every other run of the batch.
    private const string Claim = """
        insert into run_leases (instance_id, node, expires_at)
        select * from unnest($1::text[], $2::text[], $3::bigint[])
        on conflict (instance_id) do nothing
        """;

    // A lease another node has taken over (this one stalled past its expiry) is that node's.
    private const string Release = """
        delete from run_leases l using unnest($1::text[], $2::text[]) as r(instance_id, node)
        where l.instance_id = r.instance_id and l.node = r.node
        """;

    public static IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyDictionary<string, LeaseChange> leases)
    {
        if (leases.Count == 0)
        {
            yield break;
        }

        List<string?> claimed = [], claimNodes = [], released = [], releaseNodes = [];
        List<long?> expiries = [];
        foreach (var (instanceId, change) in leases)
        {
            if (change.ExpiresAt is { } expiresAt)
            {
                claimed.Add(instanceId);
                claimNodes.Add(change.NodeId);
                expiries.Add(expiresAt.UtcTicks);
            }
            else
            {
                released.Add(instanceId);
                releaseNodes.Add(change.NodeId);
            }
        }

        if (claimed.Count > 0)
        {
            yield return new NpgsqlBatchCommand(Claim)
            {
                Parameters = { ArrayColumn.Text([.. claimed]), ArrayColumn.Text([.. claimNodes]), ArrayColumn.Bigint([.. expiries]) },
            };
        }

        if (released.Count > 0)
        {
            yield return new NpgsqlBatchCommand(Release)
            {
                Parameters = { ArrayColumn.Text([.. released]), ArrayColumn.Text([.. releaseNodes]) },
            };
        }
    }
}
