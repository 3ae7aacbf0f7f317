using System.Buffers.Text;
using System.Security.Cryptography;

namespace ServicesSync.Persistence.InMemory;

/// <summary>
/// A throw-away store in process memory for tests, benchmarks and one-off runs. One lock guards
/// everything: records are immutable, so a commit only swaps references and stays cheap enough
/// for the engine's per-activity budget. Definitions are the exception: they hold mutable JSON
/// nodes, so they are kept as JSON text and every read gets its own copy.
/// </summary>
internal sealed partial class InMemoryWorkflowStore : IWorkflowStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;

    public InMemoryWorkflowStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public string DurabilityDescription
        => "In memory only: everything is lost when the process exits.";

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose()
    {
    }

    /// <summary>An opaque, unguessable token; quoting it for HTTP is the API's job.</summary>
    internal static string NewETag() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9));

    private static int ClampTake(int take) => Math.Clamp(take, 0, InstanceQuery.MaxTake);
}
