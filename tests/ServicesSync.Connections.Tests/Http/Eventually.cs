using ServicesSync.Testing.Waiting;

namespace ServicesSync.Connections.Tests.Http;

/// <summary>Polls a condition with a deadline: requests cross a real socket, so they arrive a little later.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Advances the fake clock in small steps until <paramref name="condition"/> holds; returns the
    /// fake time that passed. Stepping (instead of one jump) copes with a timer that is registered
    /// a moment after the test saw the request: the elapsed time is then a little longer, never shorter.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, Func<bool> condition, string what)
    {
        var started = clock.GetUtcNow();
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        return clock.GetUtcNow() - started;
    }

    /// <summary>Awaits a task with a real deadline, so a broken retry fails the test instead of hanging the run.</summary>
    public static async Task<T> Within<T>(Task<T> task) => await task.WaitAsync(Deadline);

    public static Task TrueAsync(Func<bool> condition, string what) => Poll.UntilAsync(condition, Deadline, what);
}
