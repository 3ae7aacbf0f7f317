using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServicesSync.Benchmarks.Triggers;

/// <summary>
/// One <c>servicessync serve</c> process (the Release build, as shipped, its request and run
/// logs included) on a free loopback port and its own data directory, which is deleted with it.
/// </summary>
internal sealed class BenchServer : IDisposable
{
    public const string ApiKey = "ss_bench_0123456789abcdefghijklmnop";

    private readonly Process process;
    private readonly string data;

    private BenchServer(Process process, string data, int port)
    {
        this.process = process;
        this.data = data;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts serve with <paramref name="arguments"/> after its own and <paramref name="environment"/> added to its environment.</summary>
    public static BenchServer Start(string server, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        var data = Path.Combine(Path.GetTempPath(), "servicessync-bench-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[server, "serve", "--urls", $"http://127.0.0.1:{port}", "--data", data, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SERVICESSYNC_BOOTSTRAP_API_KEY"] = ApiKey;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        // Read and dropped: a full pipe would block the server.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BenchServer(process, data, port);
    }

    public HttpClient CreateAdmin()
    {
        var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/") };
        admin.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return admin;
    }

    public async Task WaitForHealthAsync()
    {
        using var client = CreateAdmin();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"servicessync exited with code {process.ExitCode}.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("servicessync did not become healthy within 60 s.");
    }

    /// <summary>SIGKILL: no shutdown code runs, the leases are left to expire.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    public static string FindServer()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ServicesSync.sln")))
            {
                return Path.Combine(directory.FullName, "runtime", "ServicesSync.Runtime.Host", "bin", "Release", "net10.0", "servicessync.dll");
            }
        }

        throw new FileNotFoundException("Pass the path of servicessync.dll (build runtime/ServicesSync.Runtime.Host in Release).");
    }

    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    public static double Percentile(List<double> sorted, double p)
        => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
