using Npgsql;

namespace ServicesSync.Persistence.PostgreSql.Commits;

/// <summary>
/// The journal entries of a commit batch as one insert. A duplicate (instance, sequence) fails
/// the whole statement on <c>journal_pkey</c>, as one insert per entry did.
/// </summary>
internal static class JournalRows
{
    private const string Insert = """
        insert into journal (
            instance_id, sequence, kind, activity_id, activity_type, scope, attempt, started_at, completed_at,
            input, output, outcomes, error_message, error_kind, error_retryable, loop_key, item_index)
        select instance_id, sequence, kind, activity_id, activity_type, scope, attempt, started_at, completed_at,
            input, output, outcomes::text[], error_message, error_kind, error_retryable, loop_key, item_index
        from unnest(
            $1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::integer[], $8::bigint[], $9::bigint[],
            $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::boolean[], $16::text[], $17::integer[])
            as r(instance_id, sequence, kind, activity_id, activity_type, scope, attempt, started_at, completed_at,
                 input, output, outcomes, error_message, error_kind, error_retryable, loop_key, item_index)
        """;

    public static NpgsqlBatchCommand Command(IReadOnlyList<JournalEntry> entries)
    {
        var n = entries.Count;
        string?[] instance = new string?[n], kind = new string?[n], activity = new string?[n], type = new string?[n],
            scope = new string?[n], input = new string?[n], output = new string?[n], outcomes = new string?[n],
            errorMessage = new string?[n], errorKind = new string?[n], loopKey = new string?[n];
        long?[] sequence = new long?[n], started = new long?[n], completed = new long?[n];
        int?[] attempt = new int?[n], itemIndex = new int?[n];
        var retryable = new bool?[n];
        for (var r = 0; r < n; r++)
        {
            var e = entries[r];
            instance[r] = e.InstanceId;
            sequence[r] = e.Sequence;
            kind[r] = e.Kind.ToString();
            activity[r] = e.ActivityId;
            type[r] = e.ActivityType;
            scope[r] = e.Scope;
            attempt[r] = e.Attempt;
            started[r] = e.StartedAt.UtcTicks;
            completed[r] = e.CompletedAt.UtcTicks;
            input[r] = e.InputJson;
            output[r] = e.OutputJson;
            outcomes[r] = ArrayColumn.Literal(e.Outcomes);
            errorMessage[r] = e.Error?.Message;
            errorKind[r] = e.Error?.Kind.ToString();
            retryable[r] = e.Error?.Retryable;
            loopKey[r] = e.LoopKey;
            itemIndex[r] = e.ItemIndex;
        }

        return new NpgsqlBatchCommand(Insert)
        {
            Parameters =
            {
                ArrayColumn.Text(instance), ArrayColumn.Bigint(sequence), ArrayColumn.Text(kind), ArrayColumn.Text(activity),
                ArrayColumn.Text(type), ArrayColumn.Text(scope), ArrayColumn.Integer(attempt), ArrayColumn.Bigint(started),
                ArrayColumn.Bigint(completed), ArrayColumn.Text(input), ArrayColumn.Text(output), ArrayColumn.Text(outcomes),
                ArrayColumn.Text(errorMessage), ArrayColumn.Text(errorKind), ArrayColumn.Boolean(retryable), ArrayColumn.Text(loopKey),
                ArrayColumn.Integer(itemIndex),
            },
        };
    }
}
