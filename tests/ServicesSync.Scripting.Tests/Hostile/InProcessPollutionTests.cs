namespace ServicesSync.Scripting.Tests.Hostile;

/// <summary>Cross-run and cross-workflow pollution through host objects, in process.</summary>
public sealed class InProcessPollutionTests
{
    [Theory]
    [MemberData(nameof(PollutionCorpus.JavaScriptAttacks), MemberType = typeof(PollutionCorpus))]
    public void JavaScriptAttack_InOneWorkflow_IsInvisibleToTheNextRunOfAnother(string attack)
        => PollutionAssert.AttackIsInvisible(
            ScriptHarness.JavaScript(crossReferences: FixedCrossReferences.Instance),
            PollutionCorpus.JavaScriptProbe,
            $"try {{ {attack} }} catch (e) {{ }} return 1;",
            "real-a-1");

    [Theory]
    [MemberData(nameof(PollutionCorpus.CSharpAttacks), MemberType = typeof(PollutionCorpus))]
    public void CSharpAttack_InOneWorkflow_IsInvisibleToTheNextRunOfAnother(string attack)
        => PollutionAssert.AttackIsInvisible(
            ScriptHarness.CSharp(crossReferences: FixedCrossReferences.Instance),
            PollutionCorpus.CSharpProbe,
            $"try {{ {attack} }} catch (Exception) {{ }} return 1;",
            "real-a-1");
}
