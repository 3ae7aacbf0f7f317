using ServicesSync.Scripting.Tests.Isolation;

namespace ServicesSync.Scripting.Tests.Hostile;

/// <summary>The growth corpus in worker-process isolation: the worker stops it the same way.</summary>
public sealed class WorkerGrowthTests(WorkerFixture fixture) : IClassFixture<WorkerFixture>
{
    [Theory]
    [MemberData(nameof(GrowthCorpus.JavaScript), MemberType = typeof(GrowthCorpus))]
    public void JavaScriptGrowth_InAWorker_IsStoppedNamingTheLimit(string code, string limit)
        => InProcessGrowthTests.AssertStopped(fixture.JavaScript, code, limit, "return input.a + 2;");

    [Theory]
    [MemberData(nameof(GrowthCorpus.CSharp), MemberType = typeof(GrowthCorpus))]
    public void CSharpGrowth_InAWorker_IsStoppedNamingTheLimit(string code, string limit)
        => InProcessGrowthTests.AssertStopped(fixture.CSharp, code, limit, "return (int)Input[\"a\"] + 2;");
}
