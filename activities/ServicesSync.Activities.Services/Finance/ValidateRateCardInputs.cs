using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Finance;

internal sealed class ValidateRateCardInputs
{
    [Input(Description = "Canonical time entries (one object or an array); by default the incoming message, or its 'entries' array.")]
    public JsonNode? Entries { get; set; }

    [Input(Required = true, Description = "The canonical project / contract: currency, dates, status, rounding, approval, daily hour limits.")]
    public JsonObject? Project { get; set; }

    [Input(Required = true, Description = "Rate card(s): a canonical rate card, an array of them (project, customer and default scopes), or a .json/.csv file under the data directory.")]
    public JsonNode? RateCard { get; set; }

    [Input(Description = "Canonical workers, for billing roles and employment periods; when not given, employment is not checked.")]
    public JsonArray? Workers { get; set; }

    [Input(Description = "Canonical assignments; when not given, staffing is not checked; an empty array means nobody is assigned.")]
    public JsonArray? Assignments { get; set; }

    [Input(Description = "Canonical tasks, for non-billable tasks and task references known under several ids.")]
    public JsonArray? Tasks { get; set; }

    [Input(Description = "Entries already accepted or posted: the same source id again is a duplicate, and they count toward daily hours.")]
    public JsonArray? ExistingEntries { get; set; }

    [Input(Description = "Daily hour limits { soft, hard } replacing the project's.")]
    public JsonObject? DailyHourLimits { get; set; }

    [Input(Description = "Entries of the same worker, project and date whose durations differ by at most this many minutes are flagged as near-duplicates.")]
    public int NearDuplicateMinutes { get; set; } = 5;
}
