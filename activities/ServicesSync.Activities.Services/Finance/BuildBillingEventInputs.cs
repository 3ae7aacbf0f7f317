using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Finance;

internal sealed class BuildBillingEventInputs
{
    [Input(Description = "What to bill: a completed milestone, or time validated by finance.validateRateCard.")]
    public BillingSource Kind { get; set; } = BillingSource.Time;

    [Input(Description = "For milestones: the canonical milestone; by default the incoming message.")]
    public JsonObject? Milestone { get; set; }

    [Input(Description = "For time: the output of finance.validateRateCard; by default the incoming message.")]
    public JsonObject? Validation { get; set; }

    [Input(Description = "The canonical project: its currency is checked and its customer is billed. Required for time.")]
    public JsonObject? Project { get; set; }
}

internal enum BillingSource
{
    Time,
    Milestone,
}
