using LiteDB;

namespace ServicesSync.Persistence.LiteDb.Storage;

/// <summary>The collections of the data file and the indexes every query relies on.</summary>
internal static class Collections
{
    public const string Drafts = "drafts";
    public const string Versions = "versions";
    public const string Instances = "instances";
    public const string Journal = "journal";
    public const string DeadLetters = "deadLetters";
    public const string Bookmarks = "bookmarks";
    public const string Idempotency = "idempotency";
    public const string ApiKeys = "apiKeys";
    public const string CrossReferences = "crossReferences";

    /// <summary>Idempotent: LiteDB skips indexes that already exist, so this runs on every open.</summary>
    public static void EnsureIndexes(LiteDatabase database)
    {
        // Uniqueness of workflow + version, journal instance + sequence and idempotency keys is
        // carried by each collection's _id (see the document mappers).
        var versions = database.GetCollection(Versions);
        versions.EnsureIndex("workflowId", "$.workflowId");

        var instances = database.GetCollection(Instances);
        instances.EnsureIndex("workflowId", "$.workflowId");
        instances.EnsureIndex("status", "$.status");
        instances.EnsureIndex("createdAt", "$.createdAt");
        instances.EnsureIndex("finishedAt", "$.finishedAt");

        // The journal has no secondary index on purpose: an index on the loop key cost every
        // commit about a fifth of its time (LiteDB indexes missing values too), while a loop's
        // item results are most of its instance's journal, so the key range scan is as cheap.

        var deadLetters = database.GetCollection(DeadLetters);
        deadLetters.EnsureIndex("status", "$.status");
        deadLetters.EnsureIndex("instanceId", "$.instanceId");
        deadLetters.EnsureIndex("workflowId", "$.workflowId");
        deadLetters.EnsureIndex("createdAt", "$.createdAt");

        var bookmarks = database.GetCollection(Bookmarks);
        bookmarks.EnsureIndex("instanceId", "$.instanceId");
        bookmarks.EnsureIndex("nameKey", "$.nameKey");
        bookmarks.EnsureIndex("resumeAt", "$.resumeAt");

        database.GetCollection(Idempotency).EnsureIndex("recordedAt", "$.recordedAt");
        database.GetCollection(ApiKeys).EnsureIndex("hash", "$.hash", unique: true);

        // (entity type, system, external id) is the _id; a canonical id has one id per system.
        var crossReferences = database.GetCollection(CrossReferences);
        crossReferences.EnsureIndex("canonicalKey", "$.canonicalKey", unique: true);
        crossReferences.EnsureIndex("canonicalId", "$.canonicalId");
    }
}
