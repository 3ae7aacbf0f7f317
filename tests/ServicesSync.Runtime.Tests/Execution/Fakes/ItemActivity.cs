using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Errors;

namespace ServicesSync.Runtime.Tests.Execution.Fakes;

/// <summary>
/// Processes one item: records how many run at once, waits on the test's gate when asked, and
/// fails permanently for item ids marked broken in the <see cref="FaultBook"/>.
/// </summary>
[Activity("test.item", Category = "Test")]
internal sealed class ItemActivity(FaultBook book, Concurrency concurrency) : IActivity
{
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var id = context.Input?["id"]?.ToString() ?? "?";
        using var slot = concurrency.Enter();
        await concurrency.Gate.WaitAsync(context.CancellationToken);
        book.Count("item:" + id);
        if (book.Broken.ContainsKey(id))
        {
            throw new ServicesSyncException($"item {id} is broken", ErrorKind.Permanent);
        }

        return ActivityResult.Done(new JsonObject { ["processed"] = id });
    }
}

/// <summary>Tracks the highest number of activities inside at once; the gate holds them when closed.</summary>
internal sealed class Concurrency
{
    private int current;
    private int max;

    public AsyncGate Gate { get; } = new();

    public int Max => Volatile.Read(ref max);

    public int Current => Volatile.Read(ref current);

    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref current);
        int seen;
        while (now > (seen = Volatile.Read(ref max)) && Interlocked.CompareExchange(ref max, now, seen) != seen)
        {
        }

        return new Exit(this);
    }

    private sealed class Exit(Concurrency owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner.current);
    }
}

/// <summary>Open by default; a closed gate holds every caller until it opens.</summary>
internal sealed class AsyncGate
{
    private volatile TaskCompletionSource open = Opened();

    public void Close() => open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => open.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => open.Task.WaitAsync(cancellationToken);

    private static TaskCompletionSource Opened()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }
}
