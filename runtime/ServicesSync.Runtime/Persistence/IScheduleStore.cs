namespace ServicesSync.Persistence;

/// <summary>
/// Schedules of published workflows and the occurrences they fired. The store, not the scheduler's
/// memory, is the truth: a restart rebuilds the schedules from here, and a claimed occurrence is
/// never started twice, whichever process or restart reaches it.
/// </summary>
public interface IScheduleStore
{
    /// <summary>Every schedule, ordered by id.</summary>
    Task<IReadOnlyList<ScheduleRecord>> ListSchedulesAsync(CancellationToken cancellationToken);

    Task<ScheduleRecord?> GetScheduleAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces a schedule. <see cref="ScheduleRecord.LastFireTime"/> never moves
    /// backwards: the later of the stored and the given one is kept, so a writer holding an old
    /// copy cannot undo a firing another one recorded.
    /// </summary>
    Task PutScheduleAsync(ScheduleRecord schedule, CancellationToken cancellationToken);

    /// <summary>Deletes a schedule and its firing records; false when there was none.</summary>
    Task<bool> DeleteScheduleAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the next fire time and advances the last fire time (never backwards; null leaves it).
    /// Nothing happens when the schedule does not exist.
    /// </summary>
    Task SetScheduleTimesAsync(string id, DateTimeOffset? lastFireTime, DateTimeOffset? nextFireTime, CancellationToken cancellationToken);

    /// <summary>
    /// Claims one occurrence for <see cref="ScheduleFiring.ClaimedBy"/>. True when the caller now
    /// owns it: it was not claimed before, or its claim was never completed and is older than
    /// <paramref name="staleBefore"/> (its owner died between claiming and starting the run).
    /// Atomic: of two callers at the same time, exactly one gets true.
    /// </summary>
    Task<bool> TryClaimFiringAsync(ScheduleFiring firing, DateTimeOffset staleBefore, CancellationToken cancellationToken);

    /// <summary>Marks a claimed occurrence as started and advances its schedule's last fire time.</summary>
    Task CompleteFiringAsync(string scheduleId, DateTimeOffset fireTime, DateTimeOffset completedAt, CancellationToken cancellationToken);

    /// <summary>Claims never completed, claimed before <paramref name="claimedBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<ScheduleFiring>> ListUnfinishedFiringsAsync(DateTimeOffset claimedBefore, int max, CancellationToken cancellationToken);

    /// <summary>Deletes completed firing records completed before <paramref name="completedBefore"/>; returns how many.</summary>
    Task<int> PruneFiringsAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken);
}
