using ServicesSync.Errors;

namespace ServicesSync.Host.Common;

/// <summary>A failure meant for the person at the terminal: its message is printed as is, one line, with <see cref="ExitCode"/>.</summary>
internal sealed class CliException : ServicesSyncException
{
    public CliException(int exitCode, string message, Exception? innerException = null)
        : base(message, ErrorKind.Validation, retryable: false, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
