using System.Diagnostics;
using Npgsql;

namespace ServicesSync.Benchmarks.Store;

/// <summary>
/// Fills a migrated store database with a history of runs, server-side
/// (<c>insert … select … from generate_series</c>), in slices of <see cref="Slice"/> instances,
/// each its own transaction. Instance <c>n</c> (1-based) is created at <c>start + n·step</c>, so
/// ids and creation times rise together as the engine's ULID-style ids do. Workflows and statuses
/// come from two independent hashes of <c>n</c>, so every combination occurs in proportion.
/// </summary>
internal static class BigStoreSeed
{
    /// <summary>Instances per insert statement (and per transaction).</summary>
    private const long Slice = 50_000;

    /// <summary>The workflows and their share of the runs, in percent (they add up to 100).</summary>
    public static readonly (string Id, int Percent)[] Workflows =
    [
        ("approved-time-to-billing", 35), ("hire-to-project-readiness", 20), ("deal-to-project-setup", 15),
        ("milestone-to-invoice", 10), ("project-sync", 10), ("cost-center-sync", 6), ("rate-card-sync", 3),
        ("daily-reconciliation", 1),
    ];

    /// <summary>Statuses per mille: faulted is the rare one operators filter for.</summary>
    public static readonly (string Status, int PerMille)[] Statuses =
        [("Faulted", 10), ("Running", 5), ("Suspended", 20), ("Cancelled", 15), ("Completed", 950)];

    /// <summary>Instance <c>n</c> as a 26-character id that sorts by <c>n</c>, like the engine's.</summary>
    private const string Id = "'B' || lpad(n::text, 9, '0') || substr(md5(n::text), 1, 16)";

    // Two independent buckets per instance: hashint4 is PostgreSQL's own integer hash.
    private const string Buckets = """
        cross join lateral (select (hashint4(n::int)::bigint + 2147483648) % 1000 as sb, (hashint4(-n::int)::bigint + 2147483648) % 100 as wb) h
        """;

    public static async Task RunAsync(string connectionString, long instances, int entries, DateTimeOffset start, TimeSpan step)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "set work_mem = '64MB'; set synchronous_commit = off");
        var clock = Stopwatch.StartNew();
        for (var lo = 1L; lo <= instances; lo += Slice)
        {
            var hi = Math.Min(instances + 1, lo + Slice);
            await ExecuteAsync(connection, InstancesSql(entries), lo, hi, start.UtcTicks, step.Ticks);
            await ExecuteAsync(connection, JournalSql(entries), lo, hi, start.UtcTicks, step.Ticks);
            await ExecuteAsync(connection, DeadLettersSql, lo, hi, start.UtcTicks, step.Ticks);
            Console.Error.Write($"\rseeded {hi - 1:N0} / {instances:N0} instances ({clock.Elapsed.TotalSeconds:0} s)");
        }

        Console.Error.WriteLine();
    }

    private static string StatusCase()
    {
        var bound = 0;
        var arms = Statuses.Select(s => $"when sb < {bound += s.PerMille} then '{s.Status}'");
        return $"case {string.Join(' ', arms)} end";
    }

    private static string WorkflowCase()
    {
        var bound = 0;
        var arms = Workflows.Select(w => $"when wb < {bound += w.Percent} then '{w.Id}'");
        return $"case {string.Join(' ', arms)} end";
    }

    /// <summary>A time entry as a webhook delivers it (~170 bytes), varying with <c>n</c>.</summary>
    private const string Input = """
        '{"worklogId":"WL-' || n || '","issueKey":"PSA-' || (n % 20000) || '","author":{"accountId":"5b10ac8d82e05b22cc7d4e' || lpad((n % 997)::text, 4, '0')
        || '"},"timeSpentSeconds":' || ((n % 8) + 1) * 3600 || ',"started":"2026-11-' || lpad(((n % 28) + 1)::text, 2, '0') || 'T09:00:00Z","approved":true}'
        """;

    /// <summary>What a mapping step hands on (~135 bytes).</summary>
    private const string Output = """
        '{"workerId":"W-' || (n % 5000) || '","projectCode":"PRJ-' || (n % 3000) || '","hours":' || ((n % 8) + 1) || ',"billable":true,"rate":{"amount":185.00,"currency":"USD"},"costCenter":"CC-' || (n % 40) || '"}'
        """;

    private static string InstancesSql(int entries) => $$"""
        insert into instances (id, workflow_id, workflow_version, status, created_at, updated_at, finished_at, trigger_activity_id,
            input, output, error_message, error_kind, error_retryable, variables, state, journal_length,
            incident_count, dead_letter_count, parent_instance_id, replay_of, correlation_key, ad_hoc_definition)
        select {{Id}}, s.workflow, 3, s.status, c.created, c.created + {{entries}} * 25000000,
            case when s.status in ('Completed', 'Cancelled', 'Faulted') then c.created + {{entries}} * 25000000 end, 'hook',
            {{Input}}, case when s.status = 'Completed' then {{Output}} end,
            case when s.status = 'Faulted' then 'NetSuite rejected the time entry: project PRJ-' || (n % 3000) || ' is closed for posting (HTTP 400)' end,
            case when s.status = 'Faulted' then 'Permanent' end, case when s.status = 'Faulted' then false end,
            '{"rateCardId":"standard-2026","roundingMinutes":15}',
            case when s.status in ('Running', 'Suspended') then '{"tokens":[{"activityId":"post","scope":"","input":' || {{Output}} || '}],"waiting":["approval"]}' else '{}' end,
            {{entries}}, case when s.status = 'Faulted' then 1 else 0 end, case when s.status = 'Faulted' then 1 else 0 end,
            null, null, 'TE-' || n, null
        from generate_series($1::bigint, $2::bigint - 1) n
        {{Buckets}}
        cross join lateral (select {{StatusCase()}} as status, {{WorkflowCase()}} as workflow) s
        cross join lateral (select $3::bigint + n * $4::bigint as created) c
        """;

    /// <summary>
    /// The journal of each instance, written as concurrent runs write it: 64 runs at a time, one
    /// step of each in turn, so one run's entries are spread over several pages (not side by side).
    /// </summary>
    private static string JournalSql(int entries) => $$"""
        insert into journal (instance_id, sequence, kind, activity_id, activity_type, scope, attempt, started_at, completed_at,
            input, output, outcomes, error_message, error_kind, error_retryable, loop_key, item_index)
        select {{Id}}, q.s, case when f.faulted then 'Faulted' else 'Completed' end,
            (array['hook','map','worker','project','rate','round','build','post','xref','notify'])[q.s % 10 + 1],
            (array['core.webhook','core.script','core.lookup','core.lookup','finance.validateRateCard','core.script','finance.buildBillingEvent','erp.postTimeEntry','core.crossReference','core.notify'])[q.s % 10 + 1],
            '', 1, $3::bigint + n * $4::bigint + q.s * 25000000, $3::bigint + n * $4::bigint + q.s * 25000000 + 10000000,
            {{Input}}, case when not f.faulted then {{Output}} end,
            case when f.faulted then '{}'::text[] when q.s = 4 then '{valid}'::text[] else '{done}'::text[] end,
            case when f.faulted then 'NetSuite rejected the time entry (HTTP 400)' end, case when f.faulted then 'Permanent' end,
            case when f.faulted then false end, null, null
        from generate_series($1::bigint / 64, ($2::bigint - 1) / 64) b
        cross join generate_series(0, {{entries - 1}}) q(s)
        cross join generate_series(0, 63) k
        cross join lateral (select b * 64 + k as n) x
        {{Buckets}}
        cross join lateral (select sb < {{Statuses[0].PerMille}} and q.s = {{entries - 1}} as faulted) f
        where n >= $1 and n < $2
        """;

    /// <summary>
    /// An open incident for every faulted run, and an open parked message for 0.2 % of the
    /// completed ones (which retention must keep).
    /// </summary>
    private static string DeadLettersSql => $$"""
        insert into dead_letters (id, kind, instance_id, workflow_id, workflow_version, activity_id, scope, reason,
            error_message, error_kind, error_retryable, message, created_at, status, closed_at)
        select 'D' || substr({{Id}}, 2), case when sb < {{Statuses[0].PerMille}} then 'Incident' else 'Message' end, {{Id}}, s.workflow, 3, 'post', '',
            'retries exhausted', 'NetSuite rejected the time entry (HTTP 400)', 'Permanent', false, {{Output}},
            $3::bigint + n * $4::bigint, 'Open', null
        from generate_series($1::bigint, $2::bigint - 1) n
        {{Buckets}}
        cross join lateral (select {{WorkflowCase()}} as workflow) s
        where sb < {{Statuses[0].PerMille}} or sb >= 1000 - 2
        """;

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
