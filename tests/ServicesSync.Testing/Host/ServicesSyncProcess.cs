using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServicesSync.Testing.Host;

/// <summary>
/// The real <c>servicessync serve</c> as a child process: a free loopback port, a data directory,
/// output captured, <c>/health</c> awaited with a deadline. <see cref="Kill"/> is SIGKILL (no
/// shutdown code runs), <see cref="StopAsync"/> is SIGTERM, and <see cref="RestartAsync"/> starts
/// the server again on the same data directory: the pieces of a crash-recovery test.
/// </summary>
public sealed class ServicesSyncProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly ServicesSyncProcessOptions options;
    private readonly bool ownsDataDirectory;
    private readonly StringBuilder output = new();
    private readonly Lock outputGate = new();
    private Process? process;

    private ServicesSyncProcess(ServicesSyncProcessOptions options)
    {
        this.options = options;
        ownsDataDirectory = options.DataDirectory is null;
        DataDirectory = options.DataDirectory ?? Directory.CreateTempSubdirectory("servicessync-process-").FullName;
        ServerAssemblyPath = options.ServerAssemblyPath ?? Path.Combine(AppContext.BaseDirectory, "servicessync.dll");
    }

    public string DataDirectory { get; }

    public string ServerAssemblyPath { get; }

    public string ApiKey => options.ApiKey;

    public int Port { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => process is null || process.HasExited;

    /// <summary>The server's process id while it runs (to find its child processes).</summary>
    public int? ProcessId => process is { HasExited: false } ? process.Id : null;

    public int? ExitCode => process is { HasExited: true } ? process.ExitCode : null;

    /// <summary>Everything the process wrote to stdout and stderr so far, across restarts.</summary>
    public string Output
    {
        get
        {
            lock (outputGate)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<ServicesSyncProcess> StartAsync(ServicesSyncProcessOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new ServicesSyncProcess(options ?? new ServicesSyncProcessOptions());
        try
        {
            await server.LaunchAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for <see cref="BaseAddress"/>, sending the bootstrap key unless <paramref name="authenticated"/> is false.</summary>
    public HttpClient CreateClient(bool authenticated = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (authenticated)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        }

        return client;
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>SIGTERM, then waits for a graceful exit; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (process is null || process.HasExited)
        {
            return process?.ExitCode ?? 0;
        }

        using (var signal = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        }))
        {
            await signal!.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"servicessync did not stop within {timeout} of SIGTERM. Output:\n{Output}");
        }

        return process.ExitCode;
    }

    /// <summary>Starts the server again on the same data directory (on a new port) after it exited or was killed.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        Kill();
        process?.Dispose();
        process = null;
        await LaunchAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        process = null;
        if (ownsDataDirectory)
        {
            await DeleteWithRetriesAsync(DataDirectory);
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(ServerAssemblyPath))
        {
            throw new FileNotFoundException($"servicessync.dll not found at '{ServerAssemblyPath}'; reference the host project or set ServerAssemblyPath.");
        }

        Port = FreePort();
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DataDirectory,
        };
        foreach (var argument in (string[])[ServerAssemblyPath, "serve", "--urls", $"http://127.0.0.1:{Port}", "--data", DataDirectory])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in options.ExtraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SERVICESSYNC_BOOTSTRAP_API_KEY"] = options.ApiKey;
        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        AppendOutput($"--- starting servicessync on port {Port} ---");
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => AppendOutput(e.Data);
        process.ErrorDataReceived += (_, e) => AppendOutput(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForHealthAsync(cancellationToken);
    }

    private async Task WaitForHealthAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient(authenticated: false);
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < options.StartTimeout)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"servicessync exited with code {process.ExitCode} before it was healthy. Output:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One probe timed out; the deadline decides.
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        throw new TimeoutException($"servicessync was not healthy within {options.StartTimeout}. Output:\n{Output}");
    }

    private void AppendOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (outputGate)
        {
            output.AppendLine(line);
        }
    }

    private static string DotnetHost()
        => System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task DeleteWithRetriesAsync(string directory)
    {
        // A killed process may hold files for a moment after it is reaped.
        for (var attempt = 0; attempt < 20 && Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                await Task.Delay(PollInterval);
            }
            catch (UnauthorizedAccessException)
            {
                await Task.Delay(PollInterval);
            }
        }
    }
}
