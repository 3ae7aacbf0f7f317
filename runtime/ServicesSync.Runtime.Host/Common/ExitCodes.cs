namespace ServicesSync.Host.Common;

/// <summary>The process exit codes of <c>servicessync</c> (documented in docs/cli.md; scripts depend on them).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary><c>run</c>: the run faulted or was cancelled.</summary>
    public const int RunFailed = 1;

    /// <summary>Bad command line, unreadable or invalid definition or payload, refused import.</summary>
    public const int InvalidInput = 2;

    /// <summary><c>run</c>: the run is waiting on a bookmark (an event or a timer).</summary>
    public const int RunSuspended = 3;

    /// <summary>A named workflow or API key does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>The data directory or its store cannot be opened (missing, locked, unreadable).</summary>
    public const int DataUnavailable = 5;

    /// <summary><c>serve</c>: the server could not start (port in use, bad bootstrap key).</summary>
    public const int ServeFailed = 6;

    /// <summary><c>store copy</c>: the copy stopped half-way, or the counts of source and target differ after it.</summary>
    public const int CopyIncomplete = 7;

    /// <summary>Interrupted with Ctrl+C or SIGTERM before the work finished.</summary>
    public const int Interrupted = 130;

    /// <summary>A bug: an unexpected exception (details with <c>--verbose</c>).</summary>
    public const int Internal = 70;
}
