using ServicesSync.Scripting.Tests.Isolation;

namespace ServicesSync.Scripting.Tests.Hostile;

/// <summary>
/// The same attacks in worker-process isolation. The fixture's pool has one worker, so the attack
/// and the probe run in the same process; a worker has no cross-reference store, so lookups fail
/// the same way before and after.
/// </summary>
public sealed class WorkerPollutionTests(WorkerFixture fixture) : IClassFixture<WorkerFixture>
{
    private const string NoStore = "error: Cross-reference lookups are not available";

    [Theory]
    [MemberData(nameof(PollutionCorpus.JavaScriptAttacks), MemberType = typeof(PollutionCorpus))]
    public void JavaScriptAttack_InAWorker_IsInvisibleToTheNextRunOfAnotherWorkflow(string attack)
        => PollutionAssert.AttackIsInvisible(fixture.JavaScript, PollutionCorpus.JavaScriptProbe, $"try {{ {attack} }} catch (e) {{ }} return 1;", NoStore);

    [Theory]
    [MemberData(nameof(PollutionCorpus.CSharpAttacks), MemberType = typeof(PollutionCorpus))]
    public void CSharpAttack_InAWorker_IsInvisibleToTheNextRunOfAnotherWorkflow(string attack)
        => PollutionAssert.AttackIsInvisible(fixture.CSharp, PollutionCorpus.CSharpProbe, $"try {{ {attack} }} catch (Exception) {{ }} return 1;", NoStore);
}
