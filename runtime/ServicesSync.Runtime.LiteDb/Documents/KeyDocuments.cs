using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace ServicesSync.Persistence.LiteDb.Documents;

/// <summary>Idempotency records and API keys: small documents looked up by one key.</summary>
internal static class KeyDocuments
{
    // LiteDB index keys are limited to 1023 bytes; longer idempotency keys are indexed by their
    // hash (the NUL prefix cannot clash with a real key) and the key itself is kept beside it.
    private const int MaxPlainKeyLength = 200;

    public static string IdempotencyId(string key)
        => key.Length <= MaxPlainKeyLength
            ? key
            : "\0sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static BsonDocument FromIdempotency(IdempotencyRecord record)
    {
        var document = new BsonDocument
        {
            ["_id"] = IdempotencyId(record.Key),
            ["key"] = record.Key,
            ["recordedAt"] = Bson.Time(record.RecordedAt),
        };
        document.SetOptional("result", record.ResultJson);
        return document;
    }

    public static IdempotencyRecord ToIdempotency(BsonDocument document)
        => new(document["key"].AsString, Bson.ToNullableString(document["result"]), Bson.ToTime(document["recordedAt"]));

    public static BsonDocument FromApiKey(ApiKeyRecord record)
    {
        var document = new BsonDocument
        {
            ["_id"] = record.Id,
            ["name"] = record.Name,
            ["prefix"] = record.Prefix,
            ["hash"] = record.Hash,
            ["scopes"] = Bson.Strings(record.Scopes),
            ["createdAt"] = Bson.Time(record.CreatedAt),
        };
        document.SetOptional("revokedAt", record.RevokedAt);
        return document;
    }

    public static ApiKeyRecord ToApiKey(BsonDocument document)
        => new(
            document["_id"].AsString,
            document["name"].AsString,
            document["prefix"].AsString,
            document["hash"].AsString,
            Bson.ToStrings(document["scopes"]),
            Bson.ToTime(document["createdAt"]),
            Bson.ToNullableTime(document["revokedAt"]));
}
