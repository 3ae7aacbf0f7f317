namespace ServicesSync.Activities.Services;

/// <summary>
/// Type ids of the professional-services activities. Definitions, templates and docs refer to
/// these, so they never change once published.
/// </summary>
public static class ServicesActivityTypes
{
    public const string XrefLookup = "xref.lookup";
    public const string XrefLink = "xref.link";
    public const string XrefRequire = "xref.require";

    public const string BambooHrEmployeeEvent = "bamboohr.employeeEvent";
    public const string BambooHrGetEmployee = "bamboohr.getEmployee";
    public const string BambooHrChangedEmployees = "bamboohr.changedEmployees";
    public const string WorkdayParseWorkers = "workday.parseWorkers";
    public const string WorkdayGetWorkers = "workday.getWorkers";
    public const string JiraWorklogEvent = "jira.worklogEvent";
    public const string TempoApproval = "tempo.approval";
    public const string SalesforceOpportunity = "salesforce.opportunity";
    public const string NetSuiteSuiteQl = "netsuite.suiteql";

    public const string MapBambooHrWorker = "map.bambooHrWorker";
    public const string MapWorkdayWorker = "map.workdayWorker";
    public const string MapJiraWorklog = "map.jiraWorklog";
    public const string MapTempoTimesheet = "map.tempoTimesheet";
    public const string MapSalesforceDeal = "map.salesforceDeal";

    public const string FinanceValidateRateCard = "finance.validateRateCard";
    public const string FinanceBuildBillingEvent = "finance.buildBillingEvent";
}
