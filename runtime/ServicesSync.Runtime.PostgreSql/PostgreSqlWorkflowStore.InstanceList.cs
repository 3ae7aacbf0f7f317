using System.Globalization;
using System.Text;

namespace ServicesSync.Persistence.PostgreSql;

/// <summary>
/// The instance list: every filter combination has an index ordered like the list
/// (<c>0004_instance_list.sql</c>), so a page and its count read only index entries, never the
/// whole table however many runs the store keeps.
/// </summary>
internal sealed partial class PostgreSqlWorkflowStore
{
    public Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, values) = InstanceFilter(query);
        var take = ClampTake(query.Take);
        var skip = Math.Max(0, query.Skip);
        return ReadAsync(
            async connection =>
            {
                // One past the bound tells "more than the bound" from "exactly the bound".
                await using var count = connection.Command(
                    string.Create(CultureInfo.InvariantCulture, $"select count(*) from (select 1 from instances{where} limit {query.CountBound + 1L}) matches"),
                    null,
                    [.. values]);
                var matches = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
                if (take == 0 || matches <= skip)
                {
                    return InstancePage.Counted([], matches, query);
                }

                // The skipped rows are walked in the index alone; only the page's rows are read
                // from the table, so a deep page costs index entries, not table rows.
                await using var page = connection.Command(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"""
                        select {InstanceColumns} from instances
                        where id in (select id from instances{where} order by created_at desc, id desc offset {skip} limit {take})
                        order by created_at desc, id desc
                        """),
                    null,
                    [.. values]);
                return InstancePage.Counted(await page.ListAsync(ReadInstance, cancellationToken), matches, query);
            },
            cancellationToken);
    }

    private static (string Where, List<object?> Values) InstanceFilter(InstanceQuery query)
    {
        var where = new StringBuilder(" where true");
        var values = new List<object?>();
        if (query.WorkflowId is not null)
        {
            values.Add(query.WorkflowId);
            where.Append(" and workflow_id = $").Append(values.Count);
        }

        if (query.Status is { } status)
        {
            // A literal (one of five enum names), not a parameter: a prepared statement's generic
            // plan would otherwise serve the rare "Faulted" with the plan of the common "Completed".
            where.Append(" and status = '").Append(status.ToString()).Append('\'');
        }

        if (query.CreatedFrom is { } from)
        {
            values.Add(from.UtcTicks);
            where.Append(" and created_at >= $").Append(values.Count);
        }

        if (query.CreatedTo is { } to)
        {
            values.Add(to.UtcTicks);
            where.Append(" and created_at < $").Append(values.Count);
        }

        return (where.ToString(), values);
    }
}
