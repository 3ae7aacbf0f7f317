using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Jira;

namespace ServicesSync.Activities.Services.Tests.Jira;

/// <summary>Lets mapping tests start from the parser's real output for a stored webhook.</summary>
internal static class JiraWorklogParserAccess
{
    public static (string Event, JsonObject Worklog) Parse(JsonNode payload) => JiraWorklogParser.Parse(payload);
}
