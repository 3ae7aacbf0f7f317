using ServicesSync.Testing.RealSystems;

namespace ServicesSync.Templates.Tests.Environment;

/// <summary>
/// The real Tryton and Redmine that eng/realsystems starts on loopback, shared with the connector
/// tests: <c>start</c> never restarts a running server. Templates get their own Tryton database
/// (a copy of the pristine one per case), so the connector tests' <c>reset</c> of the default
/// database never touches them. A missing package or a server that does not start fails the
/// tests with the script's own explanation; nothing is skipped.
/// </summary>
internal static class RealSystems
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IReadOnlyDictionary<string, string>? tryton;
    private static IReadOnlyDictionary<string, string>? redmine;

    public static Task<IReadOnlyDictionary<string, string>> TrytonAsync() => StartOnceAsync("tryton.sh", () => tryton, s => tryton = s);

    public static Task<IReadOnlyDictionary<string, string>> RedmineAsync() => StartOnceAsync("redmine.sh", () => redmine, s => redmine = s);

    private static async Task<IReadOnlyDictionary<string, string>> StartOnceAsync(
        string script, Func<IReadOnlyDictionary<string, string>?> get, Action<IReadOnlyDictionary<string, string>> set)
    {
        await Gate.WaitAsync();
        try
        {
            if (get() is { } known)
            {
                return known;
            }

            var settings = await RealSystemScript.RunAsync(script, "start");
            set(settings);
            return settings;
        }
        finally
        {
            Gate.Release();
        }
    }
}
