using System.Data.Common;

namespace ServicesSync.Persistence.PostgreSql;

internal sealed partial class PostgreSqlWorkflowStore
{
    private const string CrossReferenceColumns = "entity_type, canonical_id, system, external_id, linked_at";

    public Task<CrossReferenceRecord?> FindCrossReferenceAsync(string entityType, string system, string externalId, CancellationToken cancellationToken)
        => ReadAsync(
            async connection =>
            {
                await using var command = connection.Command(
                    $"select {CrossReferenceColumns} from cross_references where entity_type = $1 and system = $2 and external_id = $3",
                    null,
                    entityType,
                    system,
                    externalId);
                return await command.SingleOrDefaultAsync(ReadCrossReference, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<CrossReferenceRecord>> ListCrossReferencesAsync(string entityType, string canonicalId, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<CrossReferenceRecord>>(
            async connection =>
            {
                await using var command = connection.Command(
                    $"select {CrossReferenceColumns} from cross_references where entity_type = $1 and canonical_id = $2 order by system collate \"C\"",
                    null,
                    entityType,
                    canonicalId);
                return await command.ListAsync(ReadCrossReference, cancellationToken);
            },
            cancellationToken);

    public Task<CrossReferenceLinkResult> LinkCrossReferenceAsync(CrossReferenceRecord record, CancellationToken cancellationToken)
    {
        CrossReferenceValidation.Validate(record);
        return WriteAsync(
            async (connection, transaction) =>
            {
                // Either unique key may be taken; insert-if-free settles races between nodes, and
                // when nothing was inserted the row in the way says whether it is the same link.
                await using var insert = connection.Command(
                    $"insert into cross_references ({CrossReferenceColumns}) values ($1, $2, $3, $4, $5) on conflict do nothing",
                    transaction,
                    record.EntityType,
                    record.CanonicalId,
                    record.System,
                    record.ExternalId,
                    record.LinkedAt.UtcTicks);
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    return new CrossReferenceLinkResult(CrossReferenceLinkStatus.Created, record);
                }

                await using var byExternal = connection.Command(
                    $"select {CrossReferenceColumns} from cross_references where entity_type = $1 and system = $2 and external_id = $3",
                    transaction,
                    record.EntityType,
                    record.System,
                    record.ExternalId);
                if (await byExternal.SingleOrDefaultAsync(ReadCrossReference, cancellationToken) is { } stored)
                {
                    var status = stored.CanonicalId == record.CanonicalId ? CrossReferenceLinkStatus.Unchanged : CrossReferenceLinkStatus.Conflict;
                    return new CrossReferenceLinkResult(status, stored);
                }

                await using var byCanonical = connection.Command(
                    $"select {CrossReferenceColumns} from cross_references where entity_type = $1 and canonical_id = $2 and system = $3",
                    transaction,
                    record.EntityType,
                    record.CanonicalId,
                    record.System);
                var other = await byCanonical.SingleOrDefaultAsync(ReadCrossReference, cancellationToken)
                    ?? throw new Errors.ConflictException("The cross-reference changed while it was being linked; link it again.");
                return new CrossReferenceLinkResult(CrossReferenceLinkStatus.Conflict, other);
            },
            cancellationToken);
    }

    public Task<bool> UnlinkCrossReferenceAsync(string entityType, string system, string externalId, CancellationToken cancellationToken)
        => WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(
                    "delete from cross_references where entity_type = $1 and system = $2 and external_id = $3", transaction, entityType, system, externalId);
                return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
            },
            cancellationToken);

    private static CrossReferenceRecord ReadCrossReference(DbDataReader r)
        => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.Time(4));
}
