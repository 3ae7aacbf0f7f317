using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>
/// A won Salesforce Opportunity → the canonical customer and project/contract to set up in the
/// ERP and PSA. The project starts planned: delivery dates, rounding and rate cards are the
/// ERP's to own, so they are not guessed here.
/// </summary>
internal static class SalesforceDealMapper
{
    public static (Customer Customer, Project Project) Map(JsonObject opportunity, string? defaultCurrency, BillingType billingType)
    {
        var id = JsonValues.String(opportunity["id"]) ?? throw Invalid("the opportunity has no id: pass the output of salesforce.opportunity.");
        var accountId = JsonValues.String(opportunity["accountId"]) ?? throw Invalid($"opportunity {id} has no accountId.");
        var currency = JsonValues.String(opportunity["currency"]) ?? defaultCurrency
            ?? throw Invalid($"opportunity {id} has no CurrencyIsoCode (single-currency org?): set 'currency'.");
        var customer = new Customer
        {
            Refs = [new ExternalRef("salesforce", accountId)],
            Name = JsonValues.String(opportunity["accountName"]) ?? throw Invalid($"opportunity {id} has no Account.Name: query it with the opportunity."),
            Currency = currency,
        };
        var amount = opportunity["amount"] is JsonValue value && value.TryGetValue<decimal>(out var total) ? new Money(total, currency) : null;
        var project = new Project
        {
            Refs = [new ExternalRef("salesforce", id)],
            Name = JsonValues.String(opportunity["name"]) ?? throw Invalid($"opportunity {id} has no Name."),
            Customer = new ExternalRef("salesforce", accountId),
            BillingType = billingType,
            Currency = currency,
            Status = ProjectStatus.Planned,
            StartDate = DateOnly.TryParseExact(JsonValues.String(opportunity["closeDate"]), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close) ? close : null,
            ContractValue = amount,
        };
        return (customer, project);
    }

    private static ServicesSyncException Invalid(string problem) => new($"Salesforce deal: {problem}", ErrorKind.Validation);
}
