namespace ServicesSync.Execution.State;

/// <summary>The bookmark a token was resumed from and the message it was resumed with.</summary>
internal sealed record TokenResumption(string BookmarkName, string? CorrelationKey, string? PayloadJson, Message Input, bool TimedOut);
