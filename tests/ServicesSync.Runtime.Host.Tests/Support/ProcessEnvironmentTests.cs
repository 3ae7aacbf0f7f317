namespace ServicesSync.Host.Tests.Support;

/// <summary>Tests that change process-wide state (environment variables) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentTests
{
    public const string Name = "Process environment";
}
