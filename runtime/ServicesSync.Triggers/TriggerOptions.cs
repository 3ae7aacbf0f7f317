namespace ServicesSync.Triggers;

/// <summary>Settings of the schedule and file-drop triggers (<c>ServicesSync:Triggers</c>).</summary>
public sealed class TriggerOptions
{
    /// <summary>
    /// How late an occurrence may be handled and still count as on time. Later than this it was
    /// missed (the runtime was down) and the schedule's misfire policy decides.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a claimed occurrence may stay unstarted before another runtime (or this one after
    /// a restart) takes it over: its first owner died between claiming and starting the run.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest the scheduler sleeps without looking at the store again (changes made by another process).</summary>
    public TimeSpan MaxSchedulerSleep { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Firing records are kept this long after the run started.</summary>
    public TimeSpan FiringRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Base of relative file-drop directories (<c>DATA/drops</c>); relative ones are refused when null.</summary>
    public string? DropsDirectory { get; set; }

    /// <summary>Absolute file-drop directories must lie under one of these; none are allowed when empty.</summary>
    public IList<string> FileDropRoots { get; } = [];

    /// <summary>How often watched directories are scanned besides the file-system notifications (which can be lost).</summary>
    public TimeSpan FileDropRescanInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A file is picked up once its size and time stamp have not changed for this long (it is no longer being written).</summary>
    public TimeSpan FileDropSettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest CSV file accepted; bigger files go to failed/ unread.</summary>
    public long FileDropMaxBytes { get; set; } = 64L * 1024 * 1024;
}
