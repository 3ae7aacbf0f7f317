using Npgsql;

namespace ServicesSync.Persistence.PostgreSql.Commits;

/// <summary>
/// The instance states of a commit batch as one upsert, whatever the batch size: one statement
/// to parse, plan and execute instead of one per instance (the largest item of the server's
/// work per run, docs/benchmarks.md). The batch holds each instance once (<see cref="CommitPlan"/>),
/// which an upsert of many rows requires.
/// </summary>
internal static class InstanceRows
{
    private const string Upsert = """
        insert into instances (
            id, workflow_id, workflow_version, status, created_at, updated_at, finished_at, trigger_activity_id,
            input, output, error_message, error_kind, error_retryable, variables, state, journal_length,
            incident_count, dead_letter_count, parent_instance_id, replay_of, correlation_key, ad_hoc_definition)
        select * from unnest(
            $1::text[], $2::text[], $3::integer[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[],
            $9::text[], $10::text[], $11::text[], $12::text[], $13::boolean[], $14::text[], $15::text[], $16::bigint[],
            $17::integer[], $18::integer[], $19::text[], $20::text[], $21::text[], $22::text[])
        on conflict (id) do update set
            workflow_id = excluded.workflow_id, workflow_version = excluded.workflow_version, status = excluded.status,
            created_at = excluded.created_at, updated_at = excluded.updated_at, finished_at = excluded.finished_at,
            trigger_activity_id = excluded.trigger_activity_id, input = excluded.input, output = excluded.output,
            error_message = excluded.error_message, error_kind = excluded.error_kind, error_retryable = excluded.error_retryable,
            variables = excluded.variables, state = excluded.state, journal_length = excluded.journal_length,
            incident_count = excluded.incident_count, dead_letter_count = excluded.dead_letter_count,
            parent_instance_id = excluded.parent_instance_id, replay_of = excluded.replay_of,
            correlation_key = excluded.correlation_key, ad_hoc_definition = excluded.ad_hoc_definition
        """;

    public static NpgsqlBatchCommand Command(IReadOnlyList<WorkflowInstance> instances)
    {
        var n = instances.Count;
        string?[] id = new string?[n], workflowId = new string?[n], status = new string?[n], trigger = new string?[n],
            input = new string?[n], output = new string?[n], errorMessage = new string?[n], errorKind = new string?[n],
            variables = new string?[n], state = new string?[n], parent = new string?[n], replayOf = new string?[n],
            correlation = new string?[n], adHoc = new string?[n];
        int?[] version = new int?[n], incidents = new int?[n], deadLetters = new int?[n];
        long?[] created = new long?[n], updated = new long?[n], finished = new long?[n], journalLength = new long?[n];
        var retryable = new bool?[n];
        for (var r = 0; r < n; r++)
        {
            var i = instances[r];
            id[r] = i.Id;
            workflowId[r] = i.WorkflowId;
            version[r] = i.WorkflowVersion;
            status[r] = i.Status.ToString();
            created[r] = i.CreatedAt.UtcTicks;
            updated[r] = i.UpdatedAt.UtcTicks;
            finished[r] = i.FinishedAt?.UtcTicks;
            trigger[r] = i.TriggerActivityId;
            input[r] = i.InputJson;
            output[r] = i.OutputJson;
            errorMessage[r] = i.Error?.Message;
            errorKind[r] = i.Error?.Kind.ToString();
            retryable[r] = i.Error?.Retryable;
            variables[r] = i.VariablesJson;
            state[r] = i.StateJson;
            journalLength[r] = i.JournalLength;
            incidents[r] = i.IncidentCount;
            deadLetters[r] = i.DeadLetterCount;
            parent[r] = i.ParentInstanceId;
            replayOf[r] = i.ReplayOf;
            correlation[r] = i.CorrelationKey;
            adHoc[r] = i.AdHocDefinitionJson;
        }

        return new NpgsqlBatchCommand(Upsert)
        {
            Parameters =
            {
                ArrayColumn.Text(id), ArrayColumn.Text(workflowId), ArrayColumn.Integer(version), ArrayColumn.Text(status),
                ArrayColumn.Bigint(created), ArrayColumn.Bigint(updated), ArrayColumn.Bigint(finished), ArrayColumn.Text(trigger),
                ArrayColumn.Text(input), ArrayColumn.Text(output), ArrayColumn.Text(errorMessage), ArrayColumn.Text(errorKind),
                ArrayColumn.Boolean(retryable), ArrayColumn.Text(variables), ArrayColumn.Text(state), ArrayColumn.Bigint(journalLength),
                ArrayColumn.Integer(incidents), ArrayColumn.Integer(deadLetters), ArrayColumn.Text(parent), ArrayColumn.Text(replayOf),
                ArrayColumn.Text(correlation), ArrayColumn.Text(adHoc),
            },
        };
    }
}
