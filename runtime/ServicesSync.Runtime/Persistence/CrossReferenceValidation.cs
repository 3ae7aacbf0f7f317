using ServicesSync.Errors;

namespace ServicesSync.Persistence;

/// <summary>The checks every store applies to a link before writing it, so all stores refuse the same records.</summary>
internal static class CrossReferenceValidation
{
    public static void Validate(CrossReferenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Require(record.EntityType, "entity type");
        Require(record.CanonicalId, "canonical id");
        Require(record.System, "system");
        Require(record.ExternalId, "external id");
    }

    private static void Require(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ServicesSyncException($"A cross-reference needs a {what}; it was empty.", ErrorKind.Validation);
        }
    }
}
