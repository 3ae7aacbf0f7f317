using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace ServicesSync.Persistence.LiteDb.Documents;

/// <summary>
/// Cross-reference links. The <c>_id</c> is (entity type, system, external id) and the unique
/// <c>canonicalKey</c> is (entity type, canonical id, system), so both rules of the table are
/// carried by unique indexes; the unit separator cannot appear in the ids of any real system.
/// </summary>
internal static class CrossReferenceDocuments
{
    private const char Separator = '\u001f';

    // LiteDB index keys are limited to 1023 bytes; longer keys are indexed by their hash.
    private const int MaxPlainKeyLength = 200;

    public static string ExternalKey(string entityType, string system, string externalId)
        => Key($"{entityType}{Separator}{system}{Separator}{externalId}");

    public static string CanonicalKey(string entityType, string canonicalId, string system)
        => Key($"{entityType}{Separator}{canonicalId}{Separator}{system}");

    public static BsonDocument From(CrossReferenceRecord record) => new()
    {
        ["_id"] = ExternalKey(record.EntityType, record.System, record.ExternalId),
        ["canonicalKey"] = CanonicalKey(record.EntityType, record.CanonicalId, record.System),
        ["entityType"] = record.EntityType,
        ["canonicalId"] = record.CanonicalId,
        ["system"] = record.System,
        ["externalId"] = record.ExternalId,
        ["linkedAt"] = Bson.Time(record.LinkedAt),
    };

    public static CrossReferenceRecord To(BsonDocument document)
        => new(
            document["entityType"].AsString,
            document["canonicalId"].AsString,
            document["system"].AsString,
            document["externalId"].AsString,
            Bson.ToTime(document["linkedAt"]));

    private static string Key(string key)
        => key.Length <= MaxPlainKeyLength
            ? key
            : "\0sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
