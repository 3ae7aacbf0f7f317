using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ServicesSync.Persistence;

namespace ServicesSync.Benchmarks.Store;

/// <summary>One timed call: <see cref="Run"/> gets the call's number and says what it returned.</summary>
internal sealed record BigStoreCase(string Name, bool Writes, Func<int, Task<string>> Run);

/// <summary>The calls an operator's screens make, through the same store methods the HTTP API uses.</summary>
internal static class BigStoreCases
{
    public static IReadOnlyList<BigStoreCase> Create(IWorkflowStore store, DateTimeOffset start, TimeSpan history, long instances, DateTimeOffset pruneBefore)
    {
        var common = BigStoreSeed.Workflows[0].Id;
        var rare = BigStoreSeed.Workflows[^1].Id;
        var end = start + history;
        var random = new Random(42);
        return
        [
            List("list: newest 50", store, new InstanceQuery()),
            List($"list: workflow {common} (35 %)", store, new InstanceQuery { WorkflowId = common }),
            List($"list: workflow {rare} (1 %)", store, new InstanceQuery { WorkflowId = rare }),
            List("list: status faulted (1 %)", store, new InstanceQuery { Status = InstanceStatus.Faulted }),
            List("list: status completed (95 %)", store, new InstanceQuery { Status = InstanceStatus.Completed }),
            List("list: 35 % workflow + faulted", store, new InstanceQuery { WorkflowId = common, Status = InstanceStatus.Faulted }),
            List("list: 1 % workflow + faulted", store, new InstanceQuery { WorkflowId = rare, Status = InstanceStatus.Faulted }),
            List("list: created in the last 24 h", store, new InstanceQuery { CreatedFrom = end.AddDays(-1), CreatedTo = end }),
            List("list: created on one day 2 weeks ago, faulted", store, new InstanceQuery { CreatedFrom = end.AddDays(-15), CreatedTo = end.AddDays(-14), Status = InstanceStatus.Faulted }),
            List("list: page 201 (skip 10,000)", store, new InstanceQuery { Skip = 10_000 }),
            List("list: skip 100,000", store, new InstanceQuery { Skip = 100_000 }),
            List("list: 35 % workflow, skip 10,000", store, new InstanceQuery { WorkflowId = common, Skip = 10_000 }),
            new("run + journal (random run)", false, async _ =>
            {
                // A run from the newest 80 %, which no prune pass has reached.
                var id = InstanceId(random.NextInt64(instances / 5, instances + 1));
                var instance = await store.GetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"run {id} is missing");
                var journal = await store.GetJournalAsync(instance.Id, null, CancellationToken.None);
                return $"{journal.Count} entries |";
            }),
            new("prune pass (1,000 runs)", true, async _ => $"{await store.PruneAsync(pruneBefore, 1000, CancellationToken.None)} pruned |"),
        ];
    }

    /// <summary>The seed's id of instance <paramref name="n"/> (see <see cref="BigStoreSeed"/>).</summary>
    public static string InstanceId(long n)
    {
        var digits = n.ToString(CultureInfo.InvariantCulture);
#pragma warning disable CA5351 // Not security: the seed derives ids from md5 on the server too.
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes(digits)));
#pragma warning restore CA5351
        return "B" + digits.PadLeft(9, '0') + hash[..16];
    }

    private static BigStoreCase List(string name, IWorkflowStore store, InstanceQuery query)
        => new(name, false, async _ =>
        {
            var page = await store.QueryAsync(query with { Take = 50 }, CancellationToken.None);
            return $"{page.Items.Count} | {Total(page)}";
        });

    private static string Total(InstancePage page)
        => (page.TotalExact ? "" : "more than ") + page.Total.ToString("N0", CultureInfo.InvariantCulture);
}
