namespace ServicesSync.Activities.Services.Finance;

internal static class FinanceOutcomes
{
    public const string Valid = "valid";
    public const string Invalid = "invalid";
    public const string Built = "built";
    public const string NothingToBill = "nothingToBill";
}
