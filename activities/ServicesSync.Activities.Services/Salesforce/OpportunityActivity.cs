namespace ServicesSync.Activities.Services.Salesforce;

/// <summary>Routes a Salesforce Opportunity by <c>IsWon</c>, never by the stage label.</summary>
[Activity(
    ServicesActivityTypes.SalesforceOpportunity,
    Category = "CRM",
    DisplayName = "Salesforce opportunity",
    Description = "Reads an Opportunity (REST record, query result or change event). Outputs { id, name, accountId, stageName, isWon, closeDate, amount, "
        + "currency }; 'won' only when IsWon is true, 'unknown' when the payload does not carry IsWon (fetch the record).",
    Outcomes = [SalesforceOutcomes.Won, SalesforceOutcomes.NotWon, SalesforceOutcomes.Unknown])]
internal sealed class OpportunityActivity : Activity<OpportunityInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(OpportunityInputs inputs, ActivityContext context)
    {
        var opportunity = OpportunityParser.Parse(inputs.Opportunity ?? context.Input);
        return ValueTask.FromResult(ActivityResult.Outcome(OpportunityParser.Outcome(opportunity), opportunity));
    }
}
