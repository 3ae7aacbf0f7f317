using ServicesSync.Errors;

namespace ServicesSync.Persistence;

/// <summary>A failure as journaled and shown to operators: no stack traces, no secrets.</summary>
public sealed record ErrorInfo(string Message, ErrorKind Kind, bool Retryable);
