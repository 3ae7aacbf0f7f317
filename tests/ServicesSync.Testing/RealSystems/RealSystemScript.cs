using System.Diagnostics;
using ServicesSync.Testing.Repository;

namespace ServicesSync.Testing.RealSystems;

/// <summary>
/// Runs one of the eng/realsystems scripts (install once, start or reset the server on
/// loopback) and reads the KEY=VALUE settings it prints. A missing package or a server that
/// does not start fails the tests with the script's own explanation, never a skip.
/// </summary>
public static class RealSystemScript
{
    public static Task<IReadOnlyDictionary<string, string>> RunAsync(string script, string command)
        => RunAsync(script, command, new Dictionary<string, string>());

    /// <summary>The same with settings for the script in its environment (e.g. <c>PG_NAME</c>, <c>PG_PORT</c>).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(string script, string command, IReadOnlyDictionary<string, string> environment)
    {
        var path = Path.Combine(RepositoryPaths.Root, "eng", "realsystems", script);
        var start = new ProcessStartInfo("bash", [path, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {path}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{script} {command} failed with exit code {process.ExitCode}. Run it by hand to see more; on a fresh Debian machine "
                + $"eng/setup.sh installs the packages (apt, as root).{Environment.NewLine}{await error}");
        }

        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
    }
}
