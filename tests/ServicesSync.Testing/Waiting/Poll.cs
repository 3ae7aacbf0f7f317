namespace ServicesSync.Testing.Waiting;

/// <summary>
/// Waiting for something that happens across a socket, a process or a database: look, and look
/// again shortly, until it holds or a deadline passes — then fail saying what did not happen. The
/// one polling loop the tests share (no test sleeps a fixed time and hopes).
/// </summary>
public static class Poll
{
    /// <summary>How often to look again: short against the seconds the deadlines allow.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static Task UntilAsync(Func<bool> condition, TimeSpan limit, string what)
        => UntilAsync(() => Task.FromResult(condition()), limit, what);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
        => await ForAsync(condition, done => done, limit, _ => what);

    /// <summary>
    /// Reads until <paramref name="done"/> accepts what was read, and returns it; the failure
    /// message may say what was last seen (<paramref name="what"/> gets the last value).
    /// </summary>
    public static async Task<T> ForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan limit, Func<T, string> what)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(what);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not within {limit}: {what(value)}");
            await Task.Delay(Interval);
        }
    }
}
