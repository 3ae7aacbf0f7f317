using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServicesSync.Host.Common;
using ServicesSync.Host.Serve;
using ServicesSync.Host.Tests.Support;
using ServicesSync.Registry;
using ServicesSync.Validation;

namespace ServicesSync.Host.Tests.Serve;

public sealed class WorkflowDirectoryLoaderTests : IDisposable
{
    private readonly TempDirectory workflows = new("servicessync-workflows-");
    private readonly TempDirectory data = new();

    [Fact]
    public async Task StartAsync_TwoFilesWithOneWorkflowId_PublishesTheFirstOnce_AcrossRestarts()
    {
        workflows.WriteFile("a-greet.json", SampleWorkflows.Greet("greet", name: "First"));
        workflows.WriteFile("b-greet.json", SampleWorkflows.Greet("greet", name: "Second"));
        await using var cli = CliServices.WithStore(data.Path);
        var loader = new WorkflowDirectoryLoader(
            workflows.Path,
            cli.Store,
            cli.Services.GetRequiredService<IWorkflowValidator>(),
            cli.Services.GetRequiredService<IActivityRegistry>(),
            NullLogger<WorkflowDirectoryLoader>.Instance);

        // Two starts of the server: the second must find nothing to publish.
        await loader.StartAsync(CancellationToken.None);
        await loader.StartAsync(CancellationToken.None);

        var latest = await cli.Store.GetPublishedAsync("greet", version: null, CancellationToken.None);
        Assert.Equal(1, latest!.Version);
        Assert.Equal("First", latest.Definition.Name);
    }

    public void Dispose()
    {
        workflows.Dispose();
        data.Dispose();
    }
}
