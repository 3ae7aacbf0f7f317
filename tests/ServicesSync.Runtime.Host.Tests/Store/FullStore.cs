using ServicesSync.Persistence;
using ServicesSync.Testing.Persistence;

namespace ServicesSync.Host.Tests.Store;

/// <summary>A store holding one (or two) of every kind of record, in every state a copy must keep.</summary>
internal static class FullStore
{
    public const string Billing = "approved-time-to-billing";
    public const string Onboarding = "worker-onboarding";
    public const string Suspended = "run-suspended";
    public const string Faulted = "run-faulted";
    public const string Running = "run-running";

    public static readonly string[] Workflows = [Billing, Onboarding];
    public static readonly string[] Instances = [Suspended, Faulted, Running];
    public static readonly string[] DeadLetters = ["dl-open", "dl-closed"];
    public static readonly string[] IdempotencyKeys = ["erp:post:10042", "long:" + new string('k', 300)];
    public static readonly string[] Connections = ["erp", "psa"];
    public static readonly string[] Schedules = [$"{Billing}/nightly", $"{Billing}/hourly"];
    public static readonly (string Type, string System, string Id)[] CrossReferences = [("worker", "bamboohr", "417"), ("worker", "netsuite", "EMP-9")];
    public static readonly (string WorkflowId, string Name)[] Watermarks = [(Billing, "since"), (Onboarding, "cursor")];

    public static async Task FillAsync(IWorkflowStore store)
    {
        var ct = CancellationToken.None;

        // Billing: versions 1 and 2 retired by a delete, then re-created as draft and version 3.
        await store.SaveDraftAsync(StoreMother.Definition(Billing), null, ct);
        await store.PublishAsync(StoreMother.Definition(Billing), "alice", ct);
        await store.PublishAsync(StoreMother.Definition(Billing, name: "Billing v2"), null, ct);
        await store.DeleteAsync(Billing, null, ct);
        await store.SaveDraftAsync(StoreMother.Definition(Billing, name: "Billing again"), null, ct);
        await store.PublishAsync(StoreMother.Definition(Billing, name: "Billing again"), "bob", ct);
        await store.SaveDraftAsync(StoreMother.Definition(Onboarding, name: "Onboarding", description: null), null, ct);

        var suspended = StoreMother.Instance(Suspended, status: InstanceStatus.Suspended) with
        {
            JournalLength = 2,
            CorrelationKey = "ts-1",
            StateJson = """{"suspended":[{"activityId":"wait","bookmarkId":"bm-event"}]}""",
        };
        var faulted = StoreMother.FullInstance(Faulted);
        var running = StoreMother.Instance(Running, createdAt: StoreMother.At(30)) with { JournalLength = 1, StateJson = """{"pending":["map"]}""" };
        await store.CommitAsync(
            [
                new InstanceCommit(
                    suspended,
                    [StoreMother.Entry(Suspended, 0), StoreMother.FullEntry(Suspended, 1)],
                    [StoreMother.DeadLetter("dl-open", Suspended)],
                    [
                        StoreMother.Bookmark("bm-event", Suspended, correlationKey: "ts-1"),
                        StoreMother.Bookmark("bm-timer", Suspended, name: "timer", resumeAt: StoreMother.At(60)),
                    ],
                    [])
                {
                    Events = [Event("evt-run", dispatchedAt: null) with { SourceInstanceId = Suspended, SourceActivityId = "announce" }],
                },
                new InstanceCommit(
                    faulted,
                    [.. Enumerable.Range(0, 7).Select(i => i % 2 == 0 ? StoreMother.Entry(Faulted, i) : StoreMother.FullEntry(Faulted, i))],
                    [StoreMother.DeadLetter("dl-closed", Faulted, status: DeadLetterStatus.Retried) with { Kind = DeadLetterKind.Message, Error = null }],
                    [],
                    []),
                StoreMother.Commit(running, StoreMother.Entry(Running, 0, activityId: "start")),
            ],
            ct);
        await store.AddEventAsync(Event("evt-api", dispatchedAt: null), ct);
        await store.MarkEventDispatchedAsync("evt-api", StoreMother.At(4), ct);

        await store.PutIdempotencyRecordAsync(new IdempotencyRecord(IdempotencyKeys[0], """{"erpId":"TE-1"}""", StoreMother.At(6)), ct);
        await store.PutIdempotencyRecordAsync(new IdempotencyRecord(IdempotencyKeys[1], null, StoreMother.At(7)), ct);

        await store.AddApiKeyAsync(StoreMother.ApiKey("key_active", new string('a', 64)), ct);
        await store.AddApiKeyAsync(StoreMother.ApiKey("key_revoked", new string('b', 64), StoreMother.At(1)), ct);
        await store.RevokeApiKeyAsync("key_revoked", StoreMother.At(2), ct);

        await store.AddConnectionAsync(
            new ConnectionRecord("erp", "netsuite", """{"baseUrl":"https://1234567.suitetalk.api.netsuite.com/"}""", new StoredSecret("k1a2b3c4", "bm90LWEtcmVhbC1jaXBoZXJ0ZXh0"), StoreMother.At(8), StoreMother.At(9)),
            ct);
        await store.AddConnectionAsync(new ConnectionRecord("psa", "redmine", """{"baseUrl":"http://redmine.local/"}""", null, StoreMother.At(10), StoreMother.At(10)), ct);

        foreach (var (type, system, id) in CrossReferences)
        {
            await store.LinkCrossReferenceAsync(new CrossReferenceRecord(type, "wrk-1", system, id, StoreMother.At(11)), ct);
        }

        await store.PutScheduleAsync(Schedule(Schedules[0]) with { Cron = "0 0 2 * * ?", TimeZone = "Europe/Berlin", LastFireTime = StoreMother.At(12), NextFireTime = StoreMother.At(1440) }, ct);
        await store.PutScheduleAsync(Schedule(Schedules[1]) with { Interval = TimeSpan.FromHours(1), Misfire = ScheduleMisfirePolicy.Skip }, ct);
        await store.TryClaimFiringAsync(Firing(Schedules[0], StoreMother.At(12)), StoreMother.Epoch, ct);
        await store.CompleteFiringAsync(Schedules[0], StoreMother.At(12), StoreMother.At(13), ct);
        await store.TryClaimFiringAsync(Firing(Schedules[1], StoreMother.At(14)), StoreMother.Epoch, ct);

        await store.PutWatermarkAsync(new WatermarkRecord(Billing, "since", "\"2026-03-01T00:00:00Z\"", StoreMother.At(15), Running), ct);
        await store.PutWatermarkAsync(new WatermarkRecord(Onboarding, "cursor", "42", StoreMother.At(16), null), ct);
    }

    private static OutboxEvent Event(string id, DateTimeOffset? dispatchedAt)
        => new()
        {
            Id = id,
            Name = "timesheet.approved",
            CorrelationKey = "ts-1",
            PayloadJson = """{"timesheetId":"ts-1"}""",
            CreatedAt = StoreMother.At(3),
            DispatchedAt = dispatchedAt,
        };

    private static ScheduleRecord Schedule(string id)
        => new()
        {
            Id = id,
            WorkflowId = Billing,
            Version = 3,
            TriggerId = id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..],
            ActiveSince = StoreMother.Epoch,
            UpdatedAt = StoreMother.At(1),
        };

    private static ScheduleFiring Firing(string scheduleId, DateTimeOffset fireTime)
        => new()
        {
            ScheduleId = scheduleId,
            FireTime = fireTime,
            InstanceId = $"{scheduleId}@{fireTime.UtcTicks}",
            ClaimedBy = "node-a",
            ClaimedAt = fireTime.AddSeconds(1),
        };
}
