using ServicesSync.Definitions;

namespace ServicesSync.Validation;

/// <summary>
/// Reads and validates a definition in one call, for the CLI's <c>validate</c>, imports and the
/// API. The result holds the definition whenever it could be read, with every structural and
/// semantic problem, so a draft with semantic problems can still be saved and shown.
/// </summary>
public sealed class DefinitionLoader(IWorkflowValidator validator)
{
    public DefinitionReadResult Load(string json) => Validate(WorkflowDefinitionReader.Read(json));

    public DefinitionReadResult Load(ReadOnlyMemory<byte> utf8Json) => Validate(WorkflowDefinitionReader.Read(utf8Json));

    public async Task<DefinitionReadResult> LoadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
        => Validate(await WorkflowDefinitionReader.ReadAsync(utf8Json, cancellationToken));

    /// <summary>Validates a definition that is already in memory (built in code or read from the store).</summary>
    public DefinitionReadResult Load(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new DefinitionReadResult(definition, validator.Validate(definition));
    }

    // Semantic rules only make sense on a definition that was read without structural errors.
    private DefinitionReadResult Validate(DefinitionReadResult read)
        => read.Definition is null ? read : read with { Problems = [.. read.Problems, .. validator.Validate(read.Definition)] };
}
