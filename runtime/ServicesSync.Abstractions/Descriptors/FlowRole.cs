namespace ServicesSync.Activities;

/// <summary>
/// How the engine treats an activity in the graph. Almost every activity is a plain task; a
/// join waits for its incoming branches, and a for-each runs the sub-graph behind its
/// <c>body</c> outcome once per item.
/// </summary>
public enum FlowRole
{
    Task,
    Join,
    ForEach,
}
