using ServicesSync.Errors;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Activities.Services.Tests.Http;

/// <summary>
/// Every reader meets its vendor's refusals, throttling, outages and slowness through the one
/// connection pipeline, and says which connection and which call failed.
/// </summary>
public class ReaderFaultTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task WrongSecret_IsAClearNonRetryableErrorNamingTheConnection(string reader)
    {
        await using var harness = new ReaderHarness();
        await using var scenario = ReaderScenario.Create(reader);
        await scenario.ArrangeAsync(harness, validSecret: false);

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.DriveAsync(() => scenario.RunAsync(harness), Step));

        Assert.Equal(ErrorKind.Configuration, ex.Kind);
        Assert.False(ex.Retryable);
        Assert.Contains("answered 401", ex.Message, StringComparison.Ordinal);
        Assert.Contains("check the credentials of connection 'vendor'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked", ex.Message, StringComparison.Ordinal);
        Assert.Single(scenario.Server.Requests);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task TooManyRequests_IsRetriedAfterTheDelayTheVendorGave(string reader)
    {
        await using var harness = new ReaderHarness();
        await using var scenario = ReaderScenario.Create(reader);
        await scenario.ArrangeAsync(harness);
        scenario.Server.Enqueue(StubFault.TooManyRequests(retryAfterSeconds: 7));
        var started = harness.Clock.GetUtcNow();
        DateTimeOffset? retriedAt = null;

        var result = await harness.DriveAsync(
            () => scenario.RunAsync(harness),
            Step,
            now => retriedAt ??= scenario.Server.Requests.Count > 1 ? now : null);

        Assert.IsType<CompletedResult>(result);
        // Without Retry-After the first quick retry comes after about 200 ms; with it, not before 7 s.
        var waited = (retriedAt ?? harness.Clock.GetUtcNow()) - started;
        Assert.InRange(waited, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(10));
        Assert.Equal(scenario.Server.Requests[0].PathAndQuery, scenario.Server.Requests[1].PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task ServerErrorStorm_IsRetriedThenARetryableFault(string reader)
    {
        await using var harness = new ReaderHarness();
        await using var scenario = ReaderScenario.Create(reader);
        await scenario.ArrangeAsync(harness);
        scenario.Server.Enqueue(StubFault.Times(3, () => StubFault.Status(503, """{"message":"upstream unavailable"}""")));

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.DriveAsync(() => scenario.RunAsync(harness), Step));

        Assert.Equal(ErrorKind.Transient, ex.Kind);
        Assert.True(ex.Retryable);
        Assert.Contains("Connection 'vendor'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("answered 503", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, scenario.Server.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task SlowVendor_IsATimeoutNamingTheCall(string reader)
    {
        await using var harness = new ReaderHarness();
        await using var scenario = ReaderScenario.Create(reader);
        await scenario.ArrangeAsync(harness);
        var never = new TaskCompletionSource();
        // Every attempt (the first and both quick retries) hangs past the 600 s attempt timeout.
        scenario.Server.Enqueue(StubFault.Times(3, () => StubFault.Slow(never.Task)));

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.DriveAsync(() => scenario.RunAsync(harness), TimeSpan.FromSeconds(30)));

        Assert.Equal(ErrorKind.Timeout, ex.Kind);
        Assert.True(ex.Retryable);
        Assert.Contains("Connection 'vendor'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(scenario.CallPath, ex.Message, StringComparison.Ordinal);
        Assert.Contains("did not answer within 600 s", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Readers() => ReaderScenario.All();
}
