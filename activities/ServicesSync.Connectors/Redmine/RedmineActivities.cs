using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServicesSync.Activities;
using ServicesSync.Canonical;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;
using ServicesSync.Errors;

namespace ServicesSync.Connectors.Redmine;

/// <summary>Makes sure a project with the identifier exists in Redmine (the identifier is Redmine's natural key).</summary>
[Activity(ConnectorActivityTypes.RedmineUpsertProject, Category = "Connectors", DisplayName = "Redmine: ensure project",
    Description = "Creates the project unless one has the identifier; outputs { projectId, identifier, created }.")]
internal sealed partial class RedmineUpsertProjectActivity(IConnectionService connections, RedmineApi redmine) : Activity<RedmineProjectInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(RedmineProjectInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Redmine);
        var project = context.Canonical<Project>(inputs.Project, "project");
        var identifier = inputs.Identifier ?? Identifier(CrossReferences.KeyOf(project.Id, project.Refs)?.ToString() ?? project.Name);
        if (!IdentifierPattern().IsMatch(identifier))
        {
            throw context.Invalid("identifier", "must be 1 to 100 lower-case letters, digits, '-' or '_', starting with a letter.");
        }

        var ct = context.CancellationToken;
        var existing = await redmine.GetAsync(connection, $"projects/{identifier}.json", null, ct, notFoundIsNull: true);
        if (existing?["project"]?["id"] is { } id)
        {
            return ActivityResult.Done(new JsonObject { ["projectId"] = id.DeepClone(), ["identifier"] = identifier, ["created"] = false });
        }

        var created = await redmine.PostAsync(connection, "projects.json", new JsonObject
        {
            ["project"] = new JsonObject { ["name"] = project.Name, ["identifier"] = identifier, ["is_public"] = false },
        }, ct);
        return ActivityResult.Done(new JsonObject { ["projectId"] = created?["project"]?["id"]?.DeepClone(), ["identifier"] = identifier, ["created"] = true });
    }

    /// <summary>A Redmine identifier from a key: lower case, other characters as '-', starting with a letter.</summary>
    internal static string Identifier(string key)
    {
        var text = NotAllowed().Replace(key.ToLowerInvariant(), "-").Trim('-');
        text = text.Length == 0 || !char.IsAsciiLetterLower(text[0]) ? "p-" + text : text;
        return text.Length > 100 ? text[..100] : text;
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,99}$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("[^a-z0-9_-]+")]
    private static partial Regex NotAllowed();
}

internal sealed class RedmineProjectInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a redmine connection.")]
    public string? Connection { get; set; }

    [Input(Description = "The canonical project; the incoming message when not set.")]
    public JsonNode? Project { get; set; }

    [Input(Description = "Redmine identifier; derived from the project's key when not set.")]
    public string? Identifier { get; set; }
}

/// <summary>Makes sure a canonical worker exists as a Redmine user with the login.</summary>
[Activity(ConnectorActivityTypes.RedmineUpsertUser, Category = "Connectors", DisplayName = "Redmine: ensure user",
    Description = "Creates the user unless the login exists (a generated password, never stored); outputs { userId, login, created }.")]
internal sealed class RedmineUpsertUserActivity(IConnectionService connections, RedmineApi redmine) : Activity<RedmineUserInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(RedmineUserInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Redmine);
        var worker = context.Canonical<Worker>(inputs.Worker, "worker");
        var email = worker.Email.GetValueOrDefault(null) ?? throw context.Invalid("worker", "has no email; Redmine requires one for every user.");
        var login = inputs.Login ?? email;
        var ct = context.CancellationToken;
        var found = await redmine.GetAsync(connection, "users.json", new Dictionary<string, string> { ["name"] = login, ["status"] = "" }, ct);
        var match = (found?["users"] as JsonArray)?.FirstOrDefault(u => (string?)u?["login"] == login);
        if (match?["id"] is { } id)
        {
            return ActivityResult.Done(new JsonObject { ["userId"] = id.DeepClone(), ["login"] = login, ["created"] = false });
        }

        var created = await redmine.PostAsync(connection, "users.json", new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["login"] = login,
                ["firstname"] = worker.GivenName.GetValueOrDefault(null) ?? login,
                ["lastname"] = worker.FamilyName.GetValueOrDefault(null) ?? "-",
                ["mail"] = email,
                ["generate_password"] = true,
                ["send_information"] = false,
            },
        }, ct);
        return ActivityResult.Done(new JsonObject { ["userId"] = created?["user"]?["id"]?.DeepClone(), ["login"] = login, ["created"] = true });
    }
}

internal sealed class RedmineUserInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a redmine connection.")]
    public string? Connection { get; set; }

    [Input(Description = "The canonical worker; the incoming message when not set.")]
    public JsonNode? Worker { get; set; }

    [Input(Description = "Redmine login; the worker's email when not set.")]
    public string? Login { get; set; }
}

/// <summary>Makes sure a user is a member of a project with the roles (time can only be logged for members).</summary>
[Activity(ConnectorActivityTypes.RedmineAddMembership, Category = "Connectors", DisplayName = "Redmine: ensure membership",
    Description = "Adds the user to the project unless already a member; outputs { membershipId, created }.")]
internal sealed class RedmineAddMembershipActivity(IConnectionService connections, RedmineApi redmine) : Activity<RedmineMembershipInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(RedmineMembershipInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Redmine);
        var project = context.Require(inputs.Project, "project");
        var user = context.Require(inputs.UserId, "userId");
        var roles = inputs.RoleIds is { Length: > 0 } r ? r : throw context.Invalid("roleIds", "must list at least one role id.");
        var ct = context.CancellationToken;
        var path = $"projects/{Uri.EscapeDataString(project)}/memberships.json";
        var members = await redmine.ListAllAsync(connection, path, "memberships", [], ct);
        var existing = members.FirstOrDefault(m => (int?)m?["user"]?["id"] == user);
        if (existing?["id"] is { } id)
        {
            return ActivityResult.Done(new JsonObject { ["membershipId"] = id.DeepClone(), ["created"] = false });
        }

        var created = await redmine.PostAsync(connection, path, new JsonObject
        {
            ["membership"] = new JsonObject { ["user_id"] = user, ["role_ids"] = new JsonArray([.. roles.Select(x => JsonValue.Create(x))]) },
        }, ct);
        return ActivityResult.Done(new JsonObject { ["membershipId"] = created?["membership"]?["id"]?.DeepClone(), ["created"] = true });
    }
}

internal sealed class RedmineMembershipInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a redmine connection.")]
    public string? Connection { get; set; }

    [Input(Required = true, Description = "Project id or identifier.")]
    public string? Project { get; set; }

    [Input(Required = true, Description = "Redmine user id.")]
    public int? UserId { get; set; }

    [Input(Required = true, Description = "Role ids, e.g. [4] for Developer in a default installation.")]
    public int[]? RoleIds { get; set; }
}

/// <summary>Creates an issue; with an idempotency key a completed create is never sent again.</summary>
[Activity(ConnectorActivityTypes.RedmineCreateIssue, Category = "Connectors", DisplayName = "Redmine: create issue",
    Description = "POST /issues.json; outputs { issueId }. Set idempotencyKey so a retry or resume does not create a second issue.")]
internal sealed class RedmineCreateIssueActivity(IConnectionService connections, RedmineApi redmine) : Activity<RedmineIssueInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(RedmineIssueInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Redmine);
        var issue = new JsonObject
        {
            ["project_id"] = context.Require(inputs.Project, "project"),
            ["subject"] = context.Require(inputs.Subject, "subject"),
            ["description"] = inputs.Description,
        };
        if (inputs.TrackerId is { } tracker)
        {
            issue["tracker_id"] = tracker;
        }

        async Task<JsonNode?> CreateAsync(CancellationToken ct)
        {
            var created = await redmine.PostAsync(connection, "issues.json", new JsonObject { ["issue"] = issue }, ct);
            return new JsonObject { ["issueId"] = created?["issue"]?["id"]?.DeepClone() };
        }

        var output = inputs.IdempotencyKey is { Length: > 0 } key
            ? await ServicesSync.Idempotency.IdempotencyServiceExtensions.ExecuteOnceAsync(context.Idempotency, $"redmine:{connection.Id}:issue:{key}", CreateAsync, context.CancellationToken)
            : await CreateAsync(context.CancellationToken);
        return ActivityResult.Done(output);
    }
}

internal sealed class RedmineIssueInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a redmine connection.")]
    public string? Connection { get; set; }

    [Input(Required = true, Description = "Project id or identifier.")]
    public string? Project { get; set; }

    [Input(Required = true)]
    public string? Subject { get; set; }

    [Input(Editor = EditorHints.Multiline)]
    public string? Description { get; set; }

    [Input(Description = "Tracker id; the project's default when not set.")]
    public int? TrackerId { get; set; }

    [Input(Description = "Business key of this issue, e.g. the source record; a completed create with this key is never repeated.")]
    public string? IdempotencyKey { get; set; }
}

/// <summary>
/// Logs a canonical time entry in Redmine, once per source entry: the comment ends with the
/// entry's source key and the user's entries of that day are searched for it first.
/// </summary>
[Activity(ConnectorActivityTypes.RedminePostTimeEntry, Category = "Connectors", DisplayName = "Redmine: post time entry",
    Description = "POST /time_entries.json unless an entry with the same source key exists that day; outputs { timeEntryId, created }.")]
internal sealed class RedminePostTimeEntryActivity(IConnectionService connections, RedmineApi redmine) : Activity<RedmineTimeEntryInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(RedmineTimeEntryInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Redmine);
        var entry = context.Canonical<TimeEntry>(inputs.Entry, "entry");
        var user = context.Require(inputs.UserId, "userId");
        if (inputs.IssueId is null && inputs.ProjectId is null)
        {
            throw context.Invalid("issueId", "or projectId is required: Redmine logs time on an issue or a project.");
        }

        var ct = context.CancellationToken;
        var marker = $"[{entry.Source}]";
        var day = entry.WorkDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var query = new Dictionary<string, string> { ["user_id"] = user.ToString(CultureInfo.InvariantCulture), ["from"] = day, ["to"] = day };
        var sameDay = await redmine.ListAllAsync(connection, "time_entries.json", "time_entries", query, ct);
        var existing = sameDay.FirstOrDefault(e => ((string?)e?["comments"])?.EndsWith(marker, StringComparison.Ordinal) == true);
        if (existing?["id"] is { } id)
        {
            return ActivityResult.Done(new JsonObject { ["timeEntryId"] = id.DeepClone(), ["created"] = false });
        }

        var comments = string.IsNullOrWhiteSpace(entry.Description) ? marker : $"{entry.Description} {marker}";
        var body = new JsonObject
        {
            ["user_id"] = user,
            ["hours"] = Math.Round(entry.DurationSeconds / 3600m, 4),
            ["spent_on"] = day,
            ["comments"] = comments.Length > 1024 ? throw context.Invalid("entry", "has a description longer than Redmine's 1024 characters.") : comments,
        };
        if (inputs.IssueId is { } issue)
        {
            body["issue_id"] = issue;
        }
        else
        {
            body["project_id"] = inputs.ProjectId;
        }

        if (inputs.ActivityId is { } activity)
        {
            body["activity_id"] = activity;
        }

        var created = await redmine.PostAsync(connection, "time_entries.json", new JsonObject { ["time_entry"] = body }, ct);
        return ActivityResult.Done(new JsonObject { ["timeEntryId"] = created?["time_entry"]?["id"]?.DeepClone(), ["created"] = true });
    }
}

internal sealed class RedmineTimeEntryInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a redmine connection.")]
    public string? Connection { get; set; }

    [Input(Description = "The canonical time entry; the incoming message when not set.")]
    public JsonNode? Entry { get; set; }

    [Input(Required = true, Description = "Redmine user the time is logged for (a member of the project).")]
    public int? UserId { get; set; }

    [Input(Description = "Issue to log on.")]
    public int? IssueId { get; set; }

    [Input(Description = "Numeric project id, when not logging on an issue.")]
    public int? ProjectId { get; set; }

    [Input(Description = "Time entry activity id; Redmine's default activity when not set.")]
    public int? ActivityId { get; set; }
}

/// <summary>Reads a project's time entries, every page, as canonical time entries (source redmine:{id}).</summary>
[Activity(ConnectorActivityTypes.RedmineListTimeEntries, Category = "Connectors", DisplayName = "Redmine: list time entries",
    Description = "GET /time_entries.json page by page; outputs { entries: [canonical time entries], count }.")]
internal sealed class RedmineListTimeEntriesActivity(IConnectionService connections, RedmineApi redmine) : Activity<RedmineListInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(RedmineListInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Redmine);
        var query = new Dictionary<string, string>();
        if (inputs.Project is { } project)
        {
            query["project_id"] = project;
        }

        if (inputs.From is { } from)
        {
            query["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (inputs.To is { } to)
        {
            query["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var raw = await redmine.ListAllAsync(connection, "time_entries.json", "time_entries", query, context.CancellationToken);
        var system = TargetSystem.Of(connection);
        var entries = new JsonArray([.. raw.Select(r => CanonicalJson.ToNode(ToCanonical(system, r!)))]);
        return ActivityResult.Done(new JsonObject { ["entries"] = entries, ["count"] = entries.Count });
    }

    internal static TimeEntry ToCanonical(string system, JsonNode entry)
    {
        var id = Id(entry["id"], "id");
        var hours = (decimal?)entry["hours"] ?? 0m;
        return new TimeEntry
        {
            Source = new ExternalRef(system, id),
            Worker = new ExternalRef(system, Id(entry["user"]?["id"], "user.id")),
            Project = new ExternalRef(system, Id(entry["project"]?["id"], "project.id")),
            Task = entry["issue"]?["id"] is { } issue ? new ExternalRef(system, "issue-" + Id(issue, "issue.id")) : null,
            WorkDate = DateOnly.ParseExact((string?)entry["spent_on"] ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DurationSeconds = (long)Math.Round(hours * 3600m),
            ApprovalStatus = ApprovalStatus.Submitted,
            Description = (string?)entry["comments"],
        };
    }

    private static string Id(JsonNode? node, string what)
        => node?.ToJsonString() is { Length: > 0 } text && text != "null"
            ? text.Trim('"')
            : throw new ServicesSyncException($"A Redmine time entry has no {what}.", ErrorKind.Permanent);
}

internal sealed class RedmineListInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a redmine connection.")]
    public string? Connection { get; set; }

    [Input(Description = "Project id or identifier; every visible project when not set.")]
    public string? Project { get; set; }

    [Input(Type = InputTypes.String, Description = "First day (yyyy-MM-dd).")]
    public DateOnly? From { get; set; }

    [Input(Type = InputTypes.String, Description = "Last day (yyyy-MM-dd).")]
    public DateOnly? To { get; set; }
}

internal sealed class RedmineProbe(RedmineApi redmine) : IConnectionProbe
{
    public string Type => ConnectionTypes.Redmine;

    /// <summary>/users/current.json is the one call that refuses a bad key (lists answer 200 with nothing).</summary>
    public async Task<string> ProbeAsync(Connection connection, CancellationToken cancellationToken)
    {
        var user = await redmine.GetAsync(connection, "users/current.json", null, cancellationToken).ConfigureAwait(false);
        return $"Authenticated as '{(string?)user?["user"]?["login"]}'.";
    }
}
