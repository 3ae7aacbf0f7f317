using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServicesSync.Benchmarks.Triggers;

/// <summary>
/// The "ERP" the benchmark workflow posts to: a minimal HTTP/1.1 keep-alive responder on loopback
/// that reads each request (headers and Content-Length body), counts it and answers 200 {}. Kept
/// tiny so the machine's two cores go to the server under test, not to the sink.
/// </summary>
internal sealed class LoopbackSink : IAsyncDisposable
{
    private static readonly byte[] Response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly TimeSpan answerDelay;
    private long received;

    /// <summary>With <paramref name="answerDelay"/>, each answer waits that long (a slow ERP keeps runs in flight).</summary>
    public LoopbackSink(TimeSpan answerDelay = default)
    {
        this.answerDelay = answerDelay;
        listener.Start();
        _ = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/timebills");

    public long Received => Interlocked.Read(ref received);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var client = await listener.AcceptTcpClientAsync(stopping.Token);
                _ = ServeAsync(client);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[64 * 1024];
            var filled = 0;
            try
            {
                while (!stopping.IsCancellationRequested)
                {
                    var end = IndexOfHeaderEnd(buffer.AsSpan(0, filled));
                    if (end < 0)
                    {
                        var read = await stream.ReadAsync(buffer.AsMemory(filled), stopping.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        filled += read;
                        continue;
                    }

                    var length = ContentLength(Encoding.ASCII.GetString(buffer, 0, end));
                    while (filled < end + 4 + length)
                    {
                        var read = await stream.ReadAsync(buffer.AsMemory(filled), stopping.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        filled += read;
                    }

                    var consumed = end + 4 + length;
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                    filled -= consumed;
                    Interlocked.Increment(ref received);
                    if (answerDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(answerDelay, stopping.Token);
                    }

                    await stream.WriteAsync(Response, stopping.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The client went away.
            }
        }
    }

    private static int IndexOfHeaderEnd(ReadOnlySpan<byte> data) => data.IndexOf("\r\n\r\n"u8);

    private static int ContentLength(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line.AsSpan("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
