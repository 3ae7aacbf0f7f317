namespace ServicesSync.Persistence.InMemory;

internal sealed partial class InMemoryWorkflowStore
{
    private readonly Dictionary<(string WorkflowId, string Name), WatermarkRecord> _watermarks = [];

    public Task<WatermarkRecord?> GetWatermarkAsync(string workflowId, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_watermarks.GetValueOrDefault((workflowId, name)));
        }
    }

    public Task PutWatermarkAsync(WatermarkRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _watermarks[(record.WorkflowId, record.Name)] = record;
        }

        return Task.CompletedTask;
    }
}
