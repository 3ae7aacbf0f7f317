using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Salesforce;

internal sealed class OpportunityInputs
{
    [Input(Description = "The Opportunity: a REST record, a SOQL query result with one record, or a Change Data Capture event; by default the incoming message.")]
    public JsonNode? Opportunity { get; set; }

    [Input(Expressions = false, Editor = EditorHints.Connection,
        Description = "Id of a salesforce connection (My Domain URL; auth oauth2ClientCredentials with the org's token endpoint). "
            + "When set, an opportunity whose payload has no IsWon (a change event) is queried, so the outcome is won or notWon instead of unknown.")]
    public string? Connection { get; set; }

    [Input(Description = "Fields the query selects (SOQL names; relationship fields such as Account.Name allowed). IsWon and, where the org has it, CurrencyIsoCode are always added.")]
    public string[] Fields { get; set; } = ["Id", "Name", "AccountId", "Account.Name", "StageName", "IsWon", "IsClosed", "CloseDate", "Amount", "Probability"];
}
