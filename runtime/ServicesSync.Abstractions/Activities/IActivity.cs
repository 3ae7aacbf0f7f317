namespace ServicesSync.Activities;

/// <summary>
/// A unit of work in a workflow. Implementations are created per execution through dependency
/// injection, so they take what they need in their constructor; the context carries the message
/// and the resolved inputs of this one execution.
/// </summary>
public interface IActivity
{
    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);
}

/// <summary>
/// An activity that can be suspended on a bookmark and continued later with a payload (a timer
/// firing, an event arriving, a child workflow finishing).
/// </summary>
public interface IResumableActivity : IActivity
{
    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkResumption resumption);
}
