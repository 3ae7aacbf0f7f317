using ServicesSync.Persistence;

namespace ServicesSync.Activities.Services.BambooHr;

/// <summary>
/// BambooHR sends <c>employee.created</c> and, moments later, <c>employee.updated</c> for one new
/// hire (the form saves the record, then its fields). Provisioning both would hire twice or
/// race an update against a hire still in flight. The first event of an unknown employee claims
/// the hire atomically in the cross-reference store (two runs at once cannot both win); later
/// events inside the collapse window are collapsed into it, because the hire path fetches the
/// employee's current fields anyway. Outside the window an update is an update.
/// </summary>
internal sealed class HireCollapser(ICrossReferenceStore store)
{
    /// <summary>Entity type of the claims; they live beside the real links so the claim is one atomic write.</summary>
    public const string ClaimEntityType = "bamboohr.hire";

    public async Task<string> ClassifyAsync(BambooHrEmployeeEvent change, DateTimeOffset at, TimeSpan window, CancellationToken cancellationToken)
    {
        if (change.Kind == BambooHrEventKind.Deleted)
        {
            return BambooHrOutcomes.Delete;
        }

        var key = $"{change.CompanyId ?? "-"}/{change.EmployeeId}";
        var hired = await store.FindCrossReferenceAsync("worker", "bamboohr", change.EmployeeId, cancellationToken) is not null;
        if (hired)
        {
            // The hire path usually links the worker before BambooHR's follow-up updated arrives:
            // that update is still part of the hire when it falls inside the window of the hire's
            // claim. A worker linked some other way (no claim) is never collapsed into a hire.
            var hire = await store.FindCrossReferenceAsync(ClaimEntityType, "bamboohr", key, cancellationToken);
            return change.Kind == BambooHrEventKind.Created || (hire is not null && at - hire.LinkedAt <= window)
                ? BambooHrOutcomes.Collapsed
                : BambooHrOutcomes.Update;
        }

        var claim = await store.LinkCrossReferenceAsync(new CrossReferenceRecord(ClaimEntityType, key, "bamboohr", key, at), cancellationToken);
        if (claim.Status == CrossReferenceLinkStatus.Created)
        {
            return BambooHrOutcomes.Hire;
        }

        if (change.Kind == BambooHrEventKind.Created)
        {
            // A second created (redelivery), or created arriving after its updated.
            return BambooHrOutcomes.Collapsed;
        }

        return at - claim.Record.LinkedAt <= window ? BambooHrOutcomes.Collapsed : BambooHrOutcomes.Update;
    }
}
