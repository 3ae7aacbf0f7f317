using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Connections;
using ServicesSync.Errors;

namespace ServicesSync.Connectors.Tryton;

/// <summary>
/// Tryton operations in terms of canonical entities, each safe to repeat: every record carries
/// the key of the entity it came from, and a post first looks that key up. Parties carry it as
/// their code, projects and tasks in their comment, timesheet lines as a UUID derived from the
/// source system and id (Tryton keeps that UUID unique, so even two racing posts create one line).
/// </summary>
public sealed class TrytonErp(TrytonRpc rpc)
{
    /// <summary>Marks the line of a project's comment that holds its ServicesSync key.</summary>
    public const string KeyMarker = "ServicesSync key: ";

    private static readonly Guid LineNamespace = new("8c7d4f2e-5b1a-4e6f-9a3d-2f0b7c1e9d54");

    public TrytonRpc Rpc => rpc;

    /// <summary>The company of the connection's user; Tryton scopes employees, projects and lines to it.</summary>
    public async Task<int> CompanyAsync(Connection connection, CancellationToken cancellationToken)
    {
        var context = await rpc.ContextAsync(connection, cancellationToken).ConfigureAwait(false);
        return TrytonValues.ReadId(context["company"]) ?? throw new ServicesSyncException(
            $"Connection '{connection.Id}': the Tryton user has no current company; set one on the user in Tryton.", ErrorKind.Configuration);
    }

    /// <summary>The party whose code is <paramref name="key"/>, created when missing.</summary>
    public async Task<(int Id, bool Created)> EnsurePartyAsync(Connection connection, string key, string name, CancellationToken cancellationToken)
    {
        var found = await rpc.SearchAsync(connection, "party.party", new JsonArray(TrytonValues.Clause("code", "=", key)), cancellationToken).ConfigureAwait(false);
        if (found.Length > 0)
        {
            return (found[0], false);
        }

        // An address is required on every invoice made out to the party.
        var values = new JsonObject
        {
            ["name"] = name,
            ["code"] = key,
            ["addresses"] = new JsonArray(new JsonArray("create", new JsonArray(new JsonObject()))),
        };
        return (await rpc.CreateAsync(connection, "party.party", values, cancellationToken).ConfigureAwait(false), true);
    }

    public async Task<int?> FindEmployeeAsync(Connection connection, string key, CancellationToken cancellationToken)
    {
        var company = await CompanyAsync(connection, cancellationToken).ConfigureAwait(false);
        var found = await rpc.SearchAsync(
            connection, "company.employee",
            new JsonArray(TrytonValues.Clause("party.code", "=", key), TrytonValues.Clause("company", "=", company)),
            cancellationToken).ConfigureAwait(false);
        return found.Length > 0 ? found[0] : null;
    }

    public async Task<(int Id, bool Created)> EnsureEmployeeAsync(Connection connection, string key, string name, DateOnly? startDate, CancellationToken cancellationToken)
    {
        if (await FindEmployeeAsync(connection, key, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (existing, false);
        }

        var company = await CompanyAsync(connection, cancellationToken).ConfigureAwait(false);
        var (party, _) = await EnsurePartyAsync(connection, key, name, cancellationToken).ConfigureAwait(false);
        var values = new JsonObject { ["party"] = party, ["company"] = company };
        if (startDate is { } start)
        {
            values["start_date"] = TrytonValues.Date(start);
        }

        return (await rpc.CreateAsync(connection, "company.employee", values, cancellationToken).ConfigureAwait(false), true);
    }

    /// <summary>The project or task (<c>project.work</c>) whose comment carries <paramref name="key"/>.</summary>
    public async Task<int?> FindWorkAsync(Connection connection, string key, CancellationToken cancellationToken)
    {
        var marker = KeyMarker + key;
        var candidates = await rpc.SearchAsync(
            connection, "project.work", new JsonArray(TrytonValues.Clause("comment", "like", "%" + marker + "%")), cancellationToken).ConfigureAwait(false);
        if (candidates.Length == 0)
        {
            return null;
        }

        // LIKE treats '_' and '%' in keys as wildcards: confirm the exact line.
        foreach (var row in await rpc.ReadAsync(connection, "project.work", candidates, ["comment"], cancellationToken).ConfigureAwait(false))
        {
            var comment = (string?)row?["comment"] ?? "";
            if (comment.Split('\n').Any(line => line.Trim() == marker))
            {
                return TrytonValues.ReadId(row!["id"]);
            }
        }

        return null;
    }

    /// <summary>Creates a project (<paramref name="parent"/> null) or a task, invoiced on timesheets at <paramref name="hourlyRate"/>.</summary>
    public async Task<(int Id, bool Created)> EnsureWorkAsync(
        Connection connection, string key, string name, int? parent, int? customerParty, int? product, decimal? hourlyRate, CancellationToken cancellationToken)
    {
        if (await FindWorkAsync(connection, key, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (existing, false);
        }

        var values = new JsonObject
        {
            ["name"] = name,
            ["type"] = parent is null ? "project" : "task",
            ["company"] = await CompanyAsync(connection, cancellationToken).ConfigureAwait(false),
            ["timesheet_available"] = true,
            ["project_invoice_method"] = "timesheet",
            ["comment"] = KeyMarker + key,
        };
        if (parent is { } parentId)
        {
            values["parent"] = parentId;
        }

        if (customerParty is { } party)
        {
            values["party"] = party;
        }

        if (product is { } productId)
        {
            values["product"] = productId;
        }

        if (hourlyRate is { } rate)
        {
            values["list_price"] = TrytonValues.Decimal(rate);
        }

        return (await rpc.CreateAsync(connection, "project.work", values, cancellationToken).ConfigureAwait(false), true);
    }

    /// <summary>The timesheet work Tryton made for a project or task (time is logged against it).</summary>
    public async Task<int> TimesheetWorkAsync(Connection connection, int work, CancellationToken cancellationToken)
    {
        var rows = await rpc.ReadAsync(connection, "project.work", [work], ["timesheet_works"], cancellationToken).ConfigureAwait(false);
        return rows.Count > 0 && TrytonValues.ReadIds(rows[0]?["timesheet_works"]) is [var first, ..]
            ? first
            : throw new ServicesSyncException(
                $"Connection '{connection.Id}': Tryton project work {work} has no timesheet work; enable 'timesheet available' on it.", ErrorKind.Validation);
    }

    /// <summary>The UUID a time entry's timesheet line carries: the same for every post of the same source entry.</summary>
    public static string LineUuid(ExternalRef source)
    {
        ArgumentNullException.ThrowIfNull(source);
        // RFC 4122 version 5 (SHA-1, name-based), so any tool can derive it from the source key.
        var name = Encoding.UTF8.GetBytes(source.ToString());
        var space = LineNamespace.ToByteArray(bigEndian: true);
#pragma warning disable CA5350 // UUID version 5 is defined on SHA-1; this is an identifier, not a security boundary.
        var hash = SHA1.HashData([.. space, .. name]);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    public async Task<int?> FindTimesheetLineAsync(Connection connection, string uuid, CancellationToken cancellationToken)
    {
        var found = await rpc.SearchAsync(connection, "timesheet.line", new JsonArray(TrytonValues.Clause("uuid", "=", uuid)), cancellationToken).ConfigureAwait(false);
        return found.Length > 0 ? found[0] : null;
    }

    public async Task<(int Id, bool Created)> PostTimesheetLineAsync(
        Connection connection, TimeEntry entry, int employee, int timesheetWork, long seconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var uuid = LineUuid(entry.Source);
        if (await FindTimesheetLineAsync(connection, uuid, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (existing, false);
        }

        var values = new JsonObject
        {
            ["company"] = await CompanyAsync(connection, cancellationToken).ConfigureAwait(false),
            ["employee"] = employee,
            ["date"] = TrytonValues.Date(entry.WorkDate),
            ["duration"] = TrytonValues.TimeDelta(seconds),
            ["work"] = timesheetWork,
            ["description"] = entry.Description ?? entry.Source.ToString(),
            ["uuid"] = uuid,
        };
        try
        {
            return (await rpc.CreateAsync(connection, "timesheet.line", values, cancellationToken).ConfigureAwait(false), true);
        }
        catch (ServicesSyncException)
        {
            // Another post of the same entry may have won the race; the unique UUID kept it to one line.
            if (await FindTimesheetLineAsync(connection, uuid, cancellationToken).ConfigureAwait(false) is { } raced)
            {
                return (raced, false);
            }

            throw;
        }
    }

    /// <summary>
    /// Invoices what the project's timesheets have not invoiced yet and returns the invoices that
    /// made; nothing to invoice gives none (so a repeat invoices nothing twice).
    /// </summary>
    public async Task<JsonArray> InvoiceProjectAsync(Connection connection, int project, CancellationToken cancellationToken)
    {
        var works = await rpc.SearchAsync(connection, "project.work", new JsonArray(TrytonValues.Clause("parent", "child_of", new JsonArray(project))), cancellationToken).ConfigureAwait(false);
        var rows = await rpc.ReadAsync(connection, "project.work", works, ["timesheet_works"], cancellationToken).ConfigureAwait(false);
        var timesheetWorks = rows.SelectMany(r => TrytonValues.ReadIds(r?["timesheet_works"])).ToArray();
        var open = await rpc.SearchAsync(
            connection, "timesheet.line",
            new JsonArray(
                TrytonValues.Clause("work", "in", new JsonArray([.. timesheetWorks.Select(i => JsonValue.Create(i))])),
                TrytonValues.Clause("invoice_line", "=", null)),
            cancellationToken).ConfigureAwait(false);
        await rpc.ModelAsync(connection, "project.work", "invoice", new JsonArray(new JsonArray(project)), cancellationToken).ConfigureAwait(false);
        if (open.Length == 0)
        {
            return [];
        }

        var lines = await rpc.ReadAsync(connection, "timesheet.line", open, ["invoice_line"], cancellationToken).ConfigureAwait(false);
        var invoiceLines = lines.Select(l => TrytonValues.ReadId(l?["invoice_line"])).OfType<int>().Distinct().ToArray();
        if (invoiceLines.Length == 0)
        {
            return [];
        }

        var invoiceIds = (await rpc.ReadAsync(connection, "account.invoice.line", invoiceLines, ["invoice"], cancellationToken).ConfigureAwait(false))
            .Select(l => TrytonValues.ReadId(l?["invoice"])).OfType<int>().Distinct().ToArray();
        var invoices = await rpc.ReadAsync(
            connection, "account.invoice", invoiceIds, ["untaxed_amount", "total_amount", "state", "party", "currency"], cancellationToken).ConfigureAwait(false);
        return new JsonArray([.. invoices.Select(i => (JsonNode)new JsonObject
        {
            ["id"] = TrytonValues.ReadId(i?["id"]),
            ["state"] = i?["state"]?.DeepClone(),
            ["party"] = i?["party"]?.DeepClone(),
            ["untaxedAmount"] = TrytonValues.ReadDecimal(i?["untaxed_amount"]),
            ["totalAmount"] = TrytonValues.ReadDecimal(i?["total_amount"]),
        })]);
    }
}
