using System.Globalization;

namespace ServicesSync.Persistence.PostgreSql;

/// <summary>
/// Retention deletes of the small side tables (idempotency records, dispatched events) in slices:
/// a store that kept months of them, or whose retention was just shortened, would otherwise delete
/// millions of rows in one transaction, holding their locks and the vacuum horizon until the end.
/// </summary>
internal sealed partial class PostgreSqlWorkflowStore
{
    /// <summary>Rows per transaction: a few milliseconds of work each on an indexed cut-off.</summary>
    private const int PruneSlice = 5_000;

    /// <summary>
    /// Deletes the rows of <paramref name="table"/> (primary key <c>id</c>) where <paramref name="due"/>
    /// holds for <c>$1</c> = <paramref name="before"/>, oldest <paramref name="order"/> first, a slice per
    /// transaction until a slice comes back short. Rows another transaction holds are left for the next pass.
    /// </summary>
    private async Task<int> DeleteInSlicesAsync(string table, string due, string order, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var sql = string.Create(
            CultureInfo.InvariantCulture,
            $"delete from {table} where id in (select id from {table} where {due} order by {order} limit {PruneSlice} for update skip locked)");
        var total = 0;
        int deleted;
        do
        {
            deleted = await WriteAsync(
                async (connection, transaction) =>
                {
                    await using var command = connection.Command(sql, transaction, before.UtcTicks);
                    return await command.ExecuteNonQueryAsync(cancellationToken);
                },
                cancellationToken);
            total += deleted;
        }
        while (deleted == PruneSlice);

        return total;
    }
}
