using ServicesSync.Definitions;

namespace ServicesSync.Persistence;

/// <summary>Drafts and immutable published versions of workflow definitions.</summary>
public interface IDefinitionStore
{
    Task<WorkflowDraft?> GetDraftAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Every workflow that has a draft or a non-retired published version, ordered by id.
    /// <see cref="WorkflowSummary.LatestVersion"/> is the newest non-retired version.
    /// </summary>
    Task<IReadOnlyList<WorkflowSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates or replaces the draft. With <paramref name="expectedETag"/> the save only happens
    /// when the stored draft still has that ETag (a <see cref="Errors.ConflictException"/>
    /// otherwise, also when the draft was deleted meanwhile); <c>null</c> saves unconditionally.
    /// The stored draft has <c>Version</c> 0 and a new opaque ETag.
    /// </summary>
    Task<WorkflowDraft> SaveDraftAsync(WorkflowDefinition definition, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the draft and retires the published versions (they stay readable for the runs
    /// that used them but no longer start runs). False when the workflow does not exist (no
    /// draft and no non-retired version). A stale <paramref name="expectedETag"/> is a
    /// <see cref="Errors.ConflictException"/>.
    /// </summary>
    Task<bool> DeleteAsync(string id, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>
    /// Freezes <paramref name="definition"/> as the next version (highest existing version + 1,
    /// retired versions included, so a re-created workflow continues the numbering); its
    /// <c>Version</c> field is ignored and assigned here.
    /// </summary>
    Task<PublishedWorkflow> PublishAsync(WorkflowDefinition definition, string? publishedBy, CancellationToken cancellationToken);

    /// <summary>A published version, or the newest non-retired one when <paramref name="version"/> is null.</summary>
    Task<PublishedWorkflow?> GetPublishedAsync(string id, int? version, CancellationToken cancellationToken);

    /// <summary>Every published version of a workflow, newest first, retired ones included.</summary>
    Task<IReadOnlyList<PublishedWorkflow>> ListVersionsAsync(string id, CancellationToken cancellationToken);

    /// <summary>The newest published version of every workflow that is not retired (what triggers start).</summary>
    Task<IReadOnlyList<PublishedWorkflow>> ListActiveAsync(CancellationToken cancellationToken);
}
