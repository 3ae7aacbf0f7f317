using System.Diagnostics;
using System.Text;

namespace ServicesSync.Scripting.Isolation;

/// <summary>One running worker: a child process the pool started, spoken to line by line.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly StringBuilder errorTail = new();

    private WorkerProcess(Process process)
    {
        this.process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errorTail)
            {
                if (e.Data is not null && errorTail.Length < 4096)
                {
                    errorTail.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
    }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    public string ErrorOutput
    {
        get
        {
            lock (errorTail)
            {
                return errorTail.ToString();
            }
        }
    }

    public static async Task<WorkerProcess> StartAsync(WorkerLaunch launch, WorkerConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!File.Exists(launch.WorkerPath))
        {
            throw new FileNotFoundException($"{WorkerLaunch.WorkerFileName} was not found; install it beside the application or set ScriptingOptions.WorkerPath.");
        }

        var start = new ProcessStartInfo(launch.Host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(launch.WorkerPath)!,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        if (!launch.RunsDirectly)
        {
            start.ArgumentList.Add(launch.WorkerPath);
        }

        start.Environment.Clear();
        foreach (var (name, value) in launch.Environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker process did not start.");
        var worker = new WorkerProcess(process);
        try
        {
            await process.StandardInput.WriteLineAsync(WorkerProtocol.Write(configuration));
            await process.StandardInput.FlushAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartupTimeout);
            var ready = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (ready is null)
            {
                throw new InvalidOperationException($"The worker process exited during start-up (exit code {worker.ExitCode}).");
            }

            return worker;
        }
        catch
        {
            worker.Kill();
            worker.Dispose();
            throw;
        }
    }

    /// <summary>Sends a request; null when the worker died or did not answer within <paramref name="wait"/> (then it must be killed).</summary>
    public async Task<WorkerResponse?> SendAsync(WorkerRequest request, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteLineAsync(WorkerProtocol.Write(request));
            await process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // The pipe broke: the worker is gone.
            process.WaitForExit(1000);
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                process.WaitForExit(1000);
                return null;
            }

            return WorkerProtocol.Read<WorkerResponse>(line);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose() => process.Dispose();
}
