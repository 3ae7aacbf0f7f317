using System.Collections.Concurrent;

namespace ServicesSync.Scripting.JavaScript;

/// <summary>
/// Hardened engines ready for use. Building one (realm plus lockdown) costs tens of milliseconds,
/// evaluating on a warm one a few microseconds, so they are kept and reused. An engine whose
/// evaluation was stopped mid-flight is not returned: its interpreter state is not trusted.
/// </summary>
internal sealed class EnginePool(ScriptingOptions options)
{
    private readonly ConcurrentBag<HardenedEngine> idle = [];
    private readonly ScriptLimits limits = options.Limits.Clone();
    private int created;

    public int Created => Volatile.Read(ref created);

    public HardenedEngine Rent()
    {
        if (idle.TryTake(out var engine))
        {
            return engine;
        }

        Interlocked.Increment(ref created);
        return new HardenedEngine(limits);
    }

    public void Return(HardenedEngine engine)
    {
        if (idle.Count < options.JavaScriptEnginePoolSize)
        {
            idle.Add(engine);
        }
        else
        {
            engine.Dispose();
        }
    }

    public static void Discard(HardenedEngine engine) => engine.Dispose();
}
