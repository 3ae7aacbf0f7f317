using System.Text.Json.Nodes;
using System.Xml.Linq;
using static ServicesSync.Activities.Services.Workday.WorkdayWorkersParser;

namespace ServicesSync.Activities.Services.Workday;

/// <summary>
/// One <c>wd:Worker</c> of Get_Workers: identity (Employee_ID or Contingent_Worker_ID), legal
/// name and work e-mail, the primary job's position, <c>Worker_Status_Data</c> (Active, Hire_Date,
/// Original_Hire_Date, Terminated, Termination_Date, Rehire), the supervisory organization and
/// cost center among <c>Organization_Data</c>, and the manager from the supervisory management chain.
/// </summary>
internal static class WorkdaySoapWorker
{
    public static JsonObject Read(XElement worker)
    {
        var reference = worker.Child("Worker_Reference");
        var data = worker.Child("Worker_Data");
        var contingent = reference.HasId("Contingent_Worker_ID");
        var json = new JsonObject { ["source"] = "soap" };
        Set(json, "workerId", data.Text("Worker_ID") ?? reference.Id("Employee_ID") ?? reference.Id("Contingent_Worker_ID"));
        Set(json, "wid", reference.Id("WID"));
        json["kind"] = contingent ? "contractor" : "employee";
        Set(json, "displayName", (string?)reference?.Attribute(WorkdayXml.Wd + "Descriptor"));

        var name = data.Child("Personal_Data", "Name_Data", "Legal_Name_Data", "Name_Detail_Data");
        Set(json, "givenName", name.Text("First_Name"));
        Set(json, "familyName", name.Text("Last_Name"));
        Set(json, "email", WorkEmail(data.Child("Personal_Data", "Contact_Data")));

        var job = data.Child("Employment_Data")?.Elements(WorkdayXml.Wd + "Worker_Job_Data")
            .OrderByDescending(j => (string?)j.Attribute(WorkdayXml.Wd + "Primary_Job") is "1" or "true")
            .FirstOrDefault();
        var position = job.Child("Position_Data");
        Set(json, "jobTitle", position.Text("Business_Title") ?? position.Text("Position_Title"));
        Set(json, "positionId", position.Text("Position_ID"));
        // The date the current position (job, cost center) took effect: a transfer's date, not the hire's.
        Set(json, "positionEffectiveDate", ((string?)position?.Attribute(WorkdayXml.Wd + "Effective_Date")) is { Length: >= 10 } effective ? effective[..10] : null);
        Set(json, "location", position.Text("Business_Site_Summary_Data", "Name"));

        var status = data.Child("Employment_Data", "Worker_Status_Data");
        Set(json, "active", status.Flag("Active"));
        Set(json, "hireDate", status.Date("Hire_Date"));
        Set(json, "originalHireDate", status.Date("Original_Hire_Date"));
        Set(json, "terminated", status.Flag("Terminated"));
        Set(json, "terminationDate", status.Date("Termination_Date"));
        Set(json, "rehire", status.Flag("Rehire"));

        foreach (var membership in data.Child("Organization_Data")?.Elements(WorkdayXml.Wd + "Worker_Organization_Data") ?? [])
        {
            var org = membership.Child("Organization_Data");
            var type = org.Child("Organization_Type_Reference").Id("Organization_Type_ID")?.Replace(' ', '_').ToUpperInvariant();
            var summary = Organization(
                membership.Child("Organization_Reference").Id("Organization_Reference_ID") ?? org.Text("Organization_Reference_ID"),
                org.Text("Organization_Code"),
                org.Text("Organization_Name"));
            if (type == "SUPERVISORY" && json["supervisoryOrganization"] is null)
            {
                json["supervisoryOrganization"] = summary;
            }
            else if (type == "COST_CENTER" && json["costCenter"] is null)
            {
                json["costCenter"] = summary;
            }
        }

        Set(json, "managerId", Manager(data, JsonValues.String(json["supervisoryOrganization"]?["id"])) ?? position.Child("Manager_as_of_last_detected_manager_change_Reference").Id("Employee_ID"));
        return json;
    }

    private static string? WorkEmail(XElement? contact)
    {
        var emails = contact?.Elements(WorkdayXml.Wd + "Email_Address_Data").ToList() ?? [];
        var work = emails.FirstOrDefault(e => e.Descendants(WorkdayXml.Wd + "Type_Reference").Any(t => t.Id("Communication_Usage_Type_ID") == "WORK"));
        return (work ?? emails.FirstOrDefault()).Text("Email_Address");
    }

    /// <summary>The manager of the worker's own supervisory organization, else the nearest one in the chain (the last entry).</summary>
    private static string? Manager(XElement? data, string? supervisoryOrganizationId)
    {
        var chain = data.Child("Management_Chain_Data", "Worker_Supervisory_Management_Chain_Data")?.Elements(WorkdayXml.Wd + "Management_Chain_Data").ToList() ?? [];
        var own = chain.FirstOrDefault(c => supervisoryOrganizationId is not null && c.Child("Organization_Reference").Id("Organization_Reference_ID") == supervisoryOrganizationId);
        var entry = own ?? chain.LastOrDefault();
        return entry.Child("Manager_Reference").Id("Employee_ID");
    }
}
