using System.Diagnostics;

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

            var settings = await RunAsync(script, "start");
            set(settings);
            return settings;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> RunAsync(string script, string command)
    {
        var path = Path.Combine(TemplateRepository.Root, "eng", "realsystems", script);
        var start = new ProcessStartInfo("bash", [path, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {path}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{script} {command} failed with exit code {process.ExitCode}; eng/setup.sh installs what it needs on a fresh Debian machine.{System.Environment.NewLine}{await error}");
        }

        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
    }
}
