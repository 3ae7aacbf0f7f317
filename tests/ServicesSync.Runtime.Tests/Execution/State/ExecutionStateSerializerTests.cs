using ServicesSync.Errors;
using ServicesSync.Execution.State;
using ServicesSync.Persistence;

namespace ServicesSync.Runtime.Tests.Execution.State;

public sealed class ExecutionStateSerializerTests
{
    [Fact]
    public void Serialize_ThenDeserialize_KeepsTokensJoinsLoopsAndOutput()
    {
        var state = new ExecutionState();
        var pending = state.AddToken("post", "loop[3]", Message.FromJson("""{"id":"e3","amount":12.50}"""), "loop");
        var faulted = state.AddToken("rate", "", Message.FromJson("[1,2]"), "map");
        faulted.Status = TokenStatus.Faulted;
        faulted.Error = new ErrorInfo("rate card missing", ErrorKind.Validation, false);
        var waiting = state.AddToken("approve", "", Message.Null, null);
        waiting.Status = TokenStatus.Suspended;
        waiting.BookmarkId = "bm1";
        waiting.ChildInstanceId = "child-1";
        var running = state.AddToken("log", "", Message.FromJson("\"x\""), null);
        running.Status = TokenStatus.Running;
        var join = new JoinState("merge", "");
        join.Add("a", Message.FromJson("{\"a\":1}"));
        state.Joins[join.Key] = join;
        var loop = new LoopState { ActivityId = "loop", Scope = "", ItemsSequence = 4, Count = 10, Parallelism = 2, Next = 5, CompletedCount = 3 };
        loop.Active[3] = null;
        loop.Active[4] = Message.FromJson("{\"done\":true}");
        state.Loops[loop.Key] = loop;
        state.Output = Message.FromJson("{\"total\":3}");

        var copy = ExecutionStateSerializer.Deserialize(ExecutionStateSerializer.Serialize(state));

        Assert.Equal(state.NextTokenId, copy.NextTokenId);
        Assert.Equal(4, copy.Tokens.Count);
        Assert.Equal(pending.Id, copy.Tokens[0].Id);
        Assert.Equal("loop[3]", copy.Tokens[0].Scope);
        Assert.Equal("""{"id":"e3","amount":12.50}""", copy.Tokens[0].InputJson);
        Assert.Equal("loop", copy.Tokens[0].SourceActivityId);
        Assert.Equal(TokenStatus.Faulted, copy.Tokens[1].Status);
        Assert.Equal(faulted.Error, copy.Tokens[1].Error);
        Assert.Equal(TokenStatus.Suspended, copy.Tokens[2].Status);
        Assert.Equal("bm1", copy.Tokens[2].BookmarkId);
        Assert.Equal("child-1", copy.Tokens[2].ChildInstanceId);
        Assert.Equal(TokenStatus.Pending, copy.Tokens[3].Status);
        var copiedJoin = Assert.Single(copy.Joins.Values);
        Assert.Equal("{\"a\":1}", copiedJoin.Arrivals.Single().Value.Json);
        var copiedLoop = Assert.Single(copy.Loops.Values);
        Assert.Equal((4L, 10, 2, 5, 3), (copiedLoop.ItemsSequence, copiedLoop.Count, copiedLoop.Parallelism, copiedLoop.Next, copiedLoop.CompletedCount));
        Assert.Null(copiedLoop.Active[3]);
        Assert.Equal("{\"done\":true}", copiedLoop.Active[4]!.Value.Json);
        Assert.Equal("{\"total\":3}", copy.Output!.Value.Json);
    }

    [Theory]
    [InlineData("loop[3]", "loop", 3)]
    [InlineData("outer[1]/inner[12]", "outer[1]/inner", 12)]
    public void TryParseItemScope_ItemScopes_SplitIntoLoopKeyAndIndex(string scope, string loopKey, int index)
    {
        Assert.True(ExecutionState.TryParseItemScope(scope, out var key, out var i));
        Assert.Equal((loopKey, index), (key, i));
    }

    [Theory]
    [InlineData("loop[1]", "loop[1]", true)]
    [InlineData("loop[1]/inner[2]", "loop[1]", true)]
    [InlineData("loop[10]", "loop[1]", false)]
    [InlineData("anything", "", true)]
    public void IsWithin_ComparesWholeScopeSegments(string candidate, string scope, bool expected)
        => Assert.Equal(expected, ExecutionState.IsWithin(candidate, scope));
}
