namespace ServicesSync.Activities.Services.Finance;

/// <summary>One failed (or warned) rule: its code, the entry it is about (source ref text) when it is about one, and a sentence.</summary>
public sealed record RateCardIssue(string Rule, string? Source, string Message);
