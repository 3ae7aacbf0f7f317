using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Execution.Compilation;
using ServicesSync.Execution.State;
using ServicesSync.Persistence;

namespace ServicesSync.Execution.Instances;

/// <summary>
/// Graph semantics: routing by outcome, joins, for-each items and their scopes, and settling a
/// scope once nothing more can happen in it.
/// </summary>
internal sealed partial class InstanceRun
{
    private void Route(ExecutableNode node, string scope, Message output, IReadOnlyList<string> outcomes)
    {
        var routed = false;
        foreach (var outcome in outcomes)
        {
            foreach (var target in node.TargetsOf(outcome))
            {
                routed = true;
                if (target.Role == FlowRole.Join)
                {
                    ArriveAtJoin(target, scope, node.Id, output);
                }
                else
                {
                    state.AddToken(target.Id, scope, output, node.Id);
                }
            }
        }

        if (!routed)
        {
            PathEnded(scope, output);
        }
    }

    /// <summary>A path ended in <paramref name="scope"/>: its last message is the scope's result.</summary>
    private void PathEnded(string scope, Message? output)
    {
        if (scope.Length == 0)
        {
            if (output is not null)
            {
                state.Output = output;
            }

            return;
        }

        if (ExecutionState.TryParseItemScope(scope, out var loopKey, out var index)
            && state.Loops.TryGetValue(loopKey, out var loop)
            && (output is not null || !loop.Active.ContainsKey(index) || loop.Active[index] is null))
        {
            loop.Active[index] = output;
        }
    }

    private void ArriveAtJoin(ExecutableNode join, string scope, string sourceId, Message message)
    {
        var key = ExecutionState.JoinKey(scope, join.Id);
        if (!state.Joins.TryGetValue(key, out var waiting))
        {
            state.Joins[key] = waiting = new JoinState(join.Id, scope);
        }

        if (waiting.Fired)
        {
            return;
        }

        waiting.Add(sourceId, message);
        if (join.JoinAny || waiting.Arrivals.Count >= join.Sources.Count)
        {
            FireJoin(join, waiting);
        }
    }

    private void FireJoin(ExecutableNode join, JoinState waiting)
    {
        // The join's input is an object of the arrived messages keyed by their source, built from
        // the messages' JSON text so no node is re-parented.
        var builder = new StringBuilder("{");
        for (var i = 0; i < waiting.Arrivals.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(JsonSerializer.Serialize(waiting.Arrivals[i].Key)).Append(':').Append(waiting.Arrivals[i].Value.Json);
        }

        builder.Append('}');
        state.AddToken(join.Id, waiting.Scope, Message.FromJson(builder.ToString()), null);
        if (join.JoinAny)
        {
            waiting.Fired = true;
            waiting.Arrivals.Clear();
        }
        else
        {
            state.Joins.Remove(waiting.Key);
        }
    }

    private void StartLoop(Token token, ExecutableNode node, Completion completion, IterateResult iterate)
    {
        var items = Message.FromNode(iterate.Items);
        var itemsSequence = AppendJournal(
            JournalEntryKind.Completed, token, completion.StartedAt, completion.CompletedAt, completion.Attempts, items, [ActivityOutcomes.Body]);
        state.Tokens.Remove(token);
        var loop = new LoopState
        {
            ActivityId = node.Id,
            Scope = token.Scope,
            ItemsSequence = itemsSequence,
            Count = iterate.Items.Count,
            Parallelism = Math.Clamp(iterate.Parallelism, 1, engine.Options.MaxParallelism),
            Items = iterate.Items,
            Results = new string?[iterate.Items.Count],
        };
        state.Loops[loop.Key] = loop;
        FillLoop(loop);
    }

    private void FillLoop(LoopState loop)
    {
        while (loop.Next < loop.Count && RunningItems(loop) < loop.Parallelism)
        {
            var index = loop.Next++;
            var item = loop.Items![index];
            var message = Message.FromNode(item);
            loop.Active[index] = null;
            var node = workflow.GetNode(loop.ActivityId);
            var targets = node.TargetsOf(ActivityOutcomes.Body);
            if (targets.Count == 0)
            {
                // A body with no activities: each item is its own result.
                loop.Active[index] = message;
                continue;
            }

            var scope = loop.ItemScope(index);
            foreach (var target in targets)
            {
                if (target.Role == FlowRole.Join)
                {
                    ArriveAtJoin(target, scope, node.Id, message);
                }
                else
                {
                    state.AddToken(target.Id, scope, message, node.Id);
                }
            }
        }
    }

    /// <summary>Items that occupy a parallelism slot: started, not finished, not parked on an incident.</summary>
    private int RunningItems(LoopState loop)
    {
        var count = 0;
        foreach (var index in loop.Active.Keys)
        {
            var scope = loop.ItemScope(index);
            var hasLive = false;
            var hasFaulted = false;
            foreach (var token in state.Tokens)
            {
                if (ExecutionState.IsWithin(token.Scope, scope))
                {
                    if (token.Status == TokenStatus.Faulted)
                    {
                        hasFaulted = true;
                    }
                    else
                    {
                        hasLive = true;
                        break;
                    }
                }
            }

            if (hasLive || !hasFaulted)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Brings every scope with no work left to its conclusion: waiting joins fire with what
    /// arrived (a branch that was not taken will never arrive), finished items are recorded,
    /// loops whose items are all done continue on <c>done</c>. Repeats until nothing changes.
    /// Returns whether anything changed.
    /// </summary>
    private bool Settle()
    {
        var changedAny = false;
        bool changed;
        do
        {
            changed = false;
            foreach (var loop in state.Loops.Values.ToArray())
            {
                foreach (var index in loop.Active.Keys.ToArray())
                {
                    var scope = loop.ItemScope(index);
                    if (state.HasWorkIn(scope, countJoins: false))
                    {
                        continue;
                    }

                    changed = true;
                    if (!FireStuckJoin(scope))
                    {
                        CompleteItem(loop, index);
                    }
                }

                var before = loop.Next;
                FillLoop(loop);
                changed |= loop.Next != before;
                if (loop.Next == loop.Count && loop.Active.Count == 0)
                {
                    FinishLoop(loop);
                    changed = true;
                }
            }

            if (!HasTopLevelWork() && FireStuckJoin(""))
            {
                changed = true;
            }

            changedAny |= changed;
        }
        while (changed);

        return changedAny;
    }

    private bool HasTopLevelWork() => state.Tokens.Count > 0 || state.Loops.Count > 0;

    private bool FireStuckJoin(string scope)
    {
        JoinState? earliest = null;
        var earliestOrder = int.MaxValue;
        foreach (var waiting in state.Joins.Values)
        {
            if (!waiting.Fired && waiting.Scope == scope && waiting.Arrivals.Count > 0)
            {
                var order = workflow.GetNode(waiting.ActivityId).Order;
                if (order < earliestOrder)
                {
                    earliest = waiting;
                    earliestOrder = order;
                }
            }
        }

        if (earliest is null)
        {
            return false;
        }

        FireJoin(workflow.GetNode(earliest.ActivityId), earliest);
        return true;
    }

    private void CompleteItem(LoopState loop, int index)
    {
        var scope = loop.ItemScope(index);
        var result = loop.Active[index] ?? Message.Null;
        loop.Active.Remove(index);
        loop.CompletedCount++;
        loop.Results![index] = result.Json;
        var now = engine.Clock.GetUtcNow();
        journal.Add(new JournalEntry
        {
            InstanceId = instance.Id,
            Sequence = NextSequence(),
            Kind = JournalEntryKind.ItemCompleted,
            ActivityId = loop.ActivityId,
            ActivityType = workflow.GetNode(loop.ActivityId).Descriptor.Type,
            Scope = scope,
            StartedAt = now,
            CompletedAt = now,
            OutputJson = result.Json,
            LoopKey = loop.Key,
            ItemIndex = index,
        });
        foreach (var key in state.Joins.Where(j => ExecutionState.IsWithin(j.Value.Scope, scope)).Select(j => j.Key).ToArray())
        {
            state.Joins.Remove(key);
        }
    }

    private void FinishLoop(LoopState loop)
    {
        state.Loops.Remove(loop.Key);
        var builder = new StringBuilder("[");
        for (var i = 0; i < loop.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(loop.Results![i] ?? Message.NullJson);
        }

        var results = Message.FromJson(builder.Append(']').ToString());
        var node = workflow.GetNode(loop.ActivityId);
        var now = engine.Clock.GetUtcNow();
        journal.Add(new JournalEntry
        {
            InstanceId = instance.Id,
            Sequence = NextSequence(),
            Kind = JournalEntryKind.Completed,
            ActivityId = node.Id,
            ActivityType = node.Descriptor.Type,
            Scope = loop.Scope,
            StartedAt = now,
            CompletedAt = now,
            OutputJson = results.Json,
            Outcomes = [LoopDone],
        });
        Route(node, loop.Scope, results, [LoopDone]);
    }

    private const string LoopDone = ActivityOutcomes.Done;

    /// <summary>After a restart, reloads the items and finished results of loops in progress.</summary>
    private void RestoreLoops(IReadOnlyList<JournalEntry> entries)
    {
        foreach (var loop in state.Loops.Values)
        {
            var itemsEntry = entries.FirstOrDefault(e => e.Sequence == loop.ItemsSequence);
            loop.Items = itemsEntry?.OutputJson is { } json ? JsonNode.Parse(json) as JsonArray : null;
            if (loop.Items is null || loop.Items.Count != loop.Count)
            {
                throw new Errors.ServicesSyncException(
                    $"Instance {instance.Id}: the items of for-each '{loop.ActivityId}' are missing from the journal.",
                    Errors.ErrorKind.Internal);
            }

            loop.Results = new string?[loop.Count];
            foreach (var entry in entries)
            {
                if (entry.Kind == JournalEntryKind.ItemCompleted && entry.LoopKey == loop.Key && entry.ItemIndex is { } i)
                {
                    loop.Results[i] = entry.OutputJson;
                }
            }
        }
    }
}
