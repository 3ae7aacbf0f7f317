namespace ServicesSync.Execution.State;

/// <summary>Messages that reached a join in one scope, by the id of the activity that sent them.</summary>
internal sealed class JoinState(string activityId, string scope)
{
    public string ActivityId { get; } = activityId;

    public string Scope { get; } = scope;

    /// <summary>In arrival order; a second message from the same source replaces the first.</summary>
    public List<KeyValuePair<string, Message>> Arrivals { get; } = [];

    /// <summary>An <c>any</c> join fires once per scope and ignores later arrivals.</summary>
    public bool Fired { get; set; }

    public string Key => ExecutionState.JoinKey(Scope, ActivityId);

    public void Add(string sourceActivityId, Message message)
    {
        var index = Arrivals.FindIndex(a => a.Key == sourceActivityId);
        if (index >= 0)
        {
            Arrivals[index] = new(sourceActivityId, message);
        }
        else
        {
            Arrivals.Add(new(sourceActivityId, message));
        }
    }
}
