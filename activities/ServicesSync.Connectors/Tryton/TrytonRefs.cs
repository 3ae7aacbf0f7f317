using System.Globalization;
using ServicesSync.Canonical;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;

namespace ServicesSync.Connectors.Tryton;

/// <summary>Finds the Tryton id of a referenced entity: a Tryton ref, a cross-reference link, else the key stored on the record.</summary>
internal static class TrytonRefs
{
    public static async Task<int?> WorkAsync(Connection connection, TrytonErp erp, CrossReferences xref, string entity, ExternalRef reference, CancellationToken ct)
    {
        if (await LinkedAsync(connection, xref, entity, reference, ct) is { } linked)
        {
            return linked;
        }

        return await erp.FindWorkAsync(connection, reference.ToString(), ct);
    }

    public static async Task<int?> EmployeeAsync(Connection connection, TrytonErp erp, CrossReferences xref, ExternalRef reference, CancellationToken ct)
    {
        if (await LinkedAsync(connection, xref, CanonicalEntities.Worker, reference, ct) is { } linked)
        {
            return linked;
        }

        return await erp.FindEmployeeAsync(connection, reference.ToString(), ct);
    }

    private static async Task<int?> LinkedAsync(Connection connection, CrossReferences xref, string entity, ExternalRef reference, CancellationToken ct)
    {
        var id = await xref.FindAsync(entity, reference, TargetSystem.Of(connection), ct);
        return id is not null && int.TryParse(id, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
