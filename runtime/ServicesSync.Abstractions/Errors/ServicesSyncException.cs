namespace ServicesSync.Errors;

/// <summary>
/// The one root exception of ServicesSync. Whether a failure is worth retrying is data on the
/// error (<see cref="Retryable"/>), decided where the failure is understood, not guessed later.
/// </summary>
public class ServicesSyncException : Exception
{
    public ServicesSyncException(string message, ErrorKind kind = ErrorKind.Internal, bool? retryable = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Retryable = retryable ?? kind is ErrorKind.Transient or ErrorKind.Timeout;
    }

    public ServicesSyncException()
        : this("A ServicesSync operation failed.")
    {
    }

    public ServicesSyncException(string message)
        : this(message, ErrorKind.Internal)
    {
    }

    public ServicesSyncException(string message, Exception innerException)
        : this(message, ErrorKind.Internal, null, innerException)
    {
    }

    public ErrorKind Kind { get; }

    public bool Retryable { get; }

    /// <summary>
    /// How long the other side asked to be left alone (an HTTP <c>Retry-After</c>): the engine's
    /// retry of the activity waits at least this long. Null when nothing was asked.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }
}
