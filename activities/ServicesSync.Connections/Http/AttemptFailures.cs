namespace ServicesSync.Connections.Http;

/// <summary>One attempt ran out of its time budget; retried like a network error when the request is idempotent.</summary>
internal sealed class AttemptTimeoutException : Exception
{
    public AttemptTimeoutException()
        : base("The attempt timed out.")
    {
    }

    public AttemptTimeoutException(string message)
        : base(message)
    {
    }

    public AttemptTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The rate limiter's queue of waiting requests is full.</summary>
internal sealed class RateLimitQueueFullException : Exception
{
    public RateLimitQueueFullException()
        : base("The rate limit queue is full.")
    {
    }

    public RateLimitQueueFullException(string message)
        : base(message)
    {
    }

    public RateLimitQueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The response body is larger than the pipeline reads.</summary>
internal sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException()
        : base("The response body is too large.")
    {
    }

    public ResponseTooLargeException(string message)
        : base(message)
    {
    }

    public ResponseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
