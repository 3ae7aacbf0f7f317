namespace ServicesSync.Persistence;

/// <summary>Checks and messages every store applies to a commit batch the same way.</summary>
internal static class CommitValidation
{
    /// <summary>
    /// A commit describes one step of one instance; an entry filed under another instance is an
    /// engine bug that would otherwise surface much later as a corrupt journal.
    /// </summary>
    public static void EnsureBelongsToInstance(InstanceCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var id = commit.Instance.Id;
        foreach (var entry in commit.Journal)
        {
            if (entry.InstanceId != id || entry.Sequence < 0)
            {
                throw new ArgumentException($"The commit of instance '{id}' holds journal entry {entry.Sequence} of instance '{entry.InstanceId}'; entries must belong to the committed instance and have a sequence of 0 or more.", nameof(commit));
            }
        }

        foreach (var deadLetter in commit.DeadLetters)
        {
            if (deadLetter.InstanceId != id)
            {
                throw new ArgumentException($"The commit of instance '{id}' holds dead letter '{deadLetter.Id}' of instance '{deadLetter.InstanceId}'.", nameof(commit));
            }
        }

        foreach (var bookmark in commit.BookmarksAdded)
        {
            if (bookmark.InstanceId != id)
            {
                throw new ArgumentException($"The commit of instance '{id}' adds bookmark '{bookmark.Id}' of instance '{bookmark.InstanceId}'.", nameof(commit));
            }
        }
    }

    /// <summary>The optimistic check of a draft save or delete, the same in every store.</summary>
    public static void EnsureETagMatches(string id, string? currentETag, string? expectedETag)
    {
        if (expectedETag is null || expectedETag == currentETag)
        {
            return;
        }

        throw currentETag is null
            ? new Errors.ConflictException($"The draft of workflow '{id}' was deleted by someone else since it was loaded.")
            : new Errors.ConflictException($"The draft of workflow '{id}' was changed by someone else since it was loaded; reload it and apply the change again.");
    }

    /// <summary>An opaque, unguessable ETag; quoting it for HTTP is the API's job.</summary>
    public static string NewETag() => System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(9));

    public static string DuplicateJournalEntry(JournalEntry entry)
        => $"The commit batch was not applied: instance '{entry.InstanceId}' already has journal entry {entry.Sequence} (two writers on one instance?).";

    public static string DuplicateDeadLetter(DeadLetterEntry deadLetter)
        => $"The commit batch was not applied: dead letter '{deadLetter.Id}' already exists.";
}
