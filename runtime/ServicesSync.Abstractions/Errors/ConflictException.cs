namespace ServicesSync.Errors;

/// <summary>
/// The request collides with the current state: a stale ETag on save, a retry of an instance
/// that is not faulted. Nothing was changed.
/// </summary>
public sealed class ConflictException : ServicesSyncException
{
    public ConflictException(string message)
        : base(message, ErrorKind.Validation, retryable: false)
    {
    }

    public ConflictException()
        : this("The request conflicts with the current state.")
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, ErrorKind.Validation, false, innerException)
    {
    }
}
