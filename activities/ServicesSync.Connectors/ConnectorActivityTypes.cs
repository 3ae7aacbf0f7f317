namespace ServicesSync.Connectors;

/// <summary>Type ids of the connector activities; stable once published.</summary>
public static class ConnectorActivityTypes
{
    public const string RestRequest = "rest.request";
    public const string JsonRpcCall = "jsonrpc.call";

    public const string NetSuiteUpsertEmployee = "netsuite.upsertEmployee";
    public const string NetSuiteUpsertCustomer = "netsuite.upsertCustomer";
    public const string NetSuiteUpsertProject = "netsuite.upsertProject";
    public const string NetSuiteUpsertTimeBill = "netsuite.upsertTimeBill";

    public const string TrytonEnsureEmployee = "tryton.ensureEmployee";
    public const string TrytonEnsureProject = "tryton.ensureProject";
    public const string TrytonEnsureTask = "tryton.ensureTask";
    public const string TrytonPostTimeEntry = "tryton.postTimeEntry";
    public const string TrytonInvoiceProject = "tryton.invoiceProject";

    public const string RedmineUpsertProject = "redmine.upsertProject";
    public const string RedmineUpsertUser = "redmine.upsertUser";
    public const string RedmineAddMembership = "redmine.addMembership";
    public const string RedmineCreateIssue = "redmine.createIssue";
    public const string RedminePostTimeEntry = "redmine.postTimeEntry";
    public const string RedmineListTimeEntries = "redmine.listTimeEntries";

    public const string JiraCreateIssue = "jira.createIssue";
    public const string JiraGetIssue = "jira.getIssue";
}

/// <summary>Outcome names of the connector activities.</summary>
public static class ConnectorOutcomes
{
    /// <summary>A referenced entity (worker, project…) has no id in the target system yet: park it in suspense, never guess.</summary>
    public const string Unmapped = "unmapped";
}
