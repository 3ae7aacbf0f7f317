namespace ServicesSync.Errors;

/// <summary>What kind of failure happened; retry policies select on it.</summary>
public enum ErrorKind
{
    /// <summary>A passing fault: network error, 5xx, 429, lock timeout. Worth retrying.</summary>
    Transient,

    /// <summary>The operation did not finish within its time budget.</summary>
    Timeout,

    /// <summary>The remote side refused the request for good (4xx other than 408/429).</summary>
    Permanent,

    /// <summary>The data is wrong; retrying the same data cannot succeed.</summary>
    Validation,

    /// <summary>The workflow or a connection is misconfigured.</summary>
    Configuration,

    /// <summary>The run or the activity was cancelled.</summary>
    Cancelled,

    /// <summary>A bug or an unexpected exception inside an activity.</summary>
    Internal,
}
