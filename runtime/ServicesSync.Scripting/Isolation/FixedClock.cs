namespace ServicesSync.Scripting.Isolation;

/// <summary>The host's clock reading at the time of the request, so a worker's ctx.now and Date.now() match the workflow's clock.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
