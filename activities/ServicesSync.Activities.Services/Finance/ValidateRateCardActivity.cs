using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// Validates approved time against the project's rate cards and billing controls, and prices it.
/// <c>valid</c> carries the priced lines and totals; <c>invalid</c> carries every failed rule with
/// its reason (the same output shape), so a suspense path can show all of them at once.
/// </summary>
[Activity(
    ServicesActivityTypes.FinanceValidateRateCard,
    Category = "Finance",
    DisplayName = "Validate rate card",
    Description = "Checks time entries against the project's rate cards and billing controls — effective dating, most-specific rate, currency, "
        + "rounding, daily hours, billable rules, approval, employment, assignment, project dates, duplicates — and prices them. Outputs "
        + "{ valid, errors, warnings, lines, totals, results }, results holding { source, valid, errors, warnings, entry, line } per entry; "
        + "'invalid' when any rule fails for any entry.",
    Outcomes = [FinanceOutcomes.Valid, FinanceOutcomes.Invalid])]
internal sealed class ValidateRateCardActivity(IOptions<ServicesActivitiesOptions> options) : Activity<ValidateRateCardInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(ValidateRateCardInputs inputs, ActivityContext context)
    {
        var where = $"Activity '{context.ActivityId}': input";
        var project = CanonicalJson.FromNode<Project>(inputs.Project ?? throw context.InvalidInput("project", "is required."), $"{where} 'project'");
        if (inputs.NearDuplicateMinutes < 0)
        {
            throw context.InvalidInput("nearDuplicateMinutes", "must not be negative.");
        }

        var request = new RateCardValidationRequest
        {
            Entries = ReadEntries(inputs.Entries, context),
            Project = project,
            RateCards = RateCardSource.Load(inputs.RateCard ?? throw context.InvalidInput("rateCard", "is required."), options.Value.DataDirectory, context),
            Workers = inputs.Workers is null ? null : CanonicalJson.FromNode<List<Worker>>(inputs.Workers, $"{where} 'workers'"),
            Assignments = inputs.Assignments is null ? null : CanonicalJson.FromNode<List<Assignment>>(inputs.Assignments, $"{where} 'assignments'"),
            Tasks = inputs.Tasks is null ? null : CanonicalJson.FromNode<List<ProjectTask>>(inputs.Tasks, $"{where} 'tasks'"),
            ExistingEntries = inputs.ExistingEntries is null ? [] : CanonicalJson.FromNode<List<TimeEntry>>(inputs.ExistingEntries, $"{where} 'existingEntries'"),
            DailyHourLimits = inputs.DailyHourLimits is null ? null : CanonicalJson.FromNode<HourLimits>(inputs.DailyHourLimits, $"{where} 'dailyHourLimits'"),
            NearDuplicateMinutes = inputs.NearDuplicateMinutes,
        };

        var result = RateCardValidator.Validate(request);
        var output = RateCardResultJson.Create(result, project, request.Entries, context.Input?.DeepClone());
        return ValueTask.FromResult(ActivityResult.Outcome(result.IsValid ? FinanceOutcomes.Valid : FinanceOutcomes.Invalid, output));
    }

    /// <summary>The entries input, or the message: an array of entries, an object with 'entries' or 'entry', or one entry.</summary>
    internal static List<TimeEntry> ReadEntries(JsonNode? entries, ActivityContext context)
    {
        var (node, name) = entries is not null
            ? (entries, "input 'entries'")
            : context.Input switch
            {
                JsonObject message when message["entries"] is JsonArray list => (list, "the message's 'entries'"),
                JsonObject message when message["entry"] is JsonObject one => (one, "the message's 'entry'"),
                var message => (message, "the incoming message"),
            };
        var what = $"Activity '{context.ActivityId}': {name}";
        return node switch
        {
            JsonArray list => CanonicalJson.FromNode<List<TimeEntry>>(list, what),
            JsonObject one => [CanonicalJson.FromNode<TimeEntry>(one, what)],
            _ => throw context.Invalid($"{name} must be a time entry or an array of them; it is {ActivityErrors.Describe(node)}."),
        };
    }
}
