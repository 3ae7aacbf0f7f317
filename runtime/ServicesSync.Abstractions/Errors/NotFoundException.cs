namespace ServicesSync.Errors;

/// <summary>A workflow, version, instance or other addressed thing does not exist.</summary>
public sealed class NotFoundException : ServicesSyncException
{
    public NotFoundException(string message)
        : base(message, ErrorKind.Validation, retryable: false)
    {
    }

    public NotFoundException()
        : this("The requested item does not exist.")
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, ErrorKind.Validation, false, innerException)
    {
    }
}
