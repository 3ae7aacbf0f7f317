using System.Text;
using System.Text.Json;
using ServicesSync.Definitions.Reading;
using ServicesSync.Validation;

namespace ServicesSync.Definitions;

/// <summary>
/// Reads definitions from untrusted JSON: size, encoding, syntax, duplicate keys, nesting,
/// <c>schemaVersion</c> and the published JSON Schema, every problem reported with its JSON
/// Pointer path and activity id. Never throws on bad input; what the activities and the graph
/// mean is checked afterwards by <see cref="IWorkflowValidator"/>.
/// </summary>
public static class WorkflowDefinitionReader
{
    /// <summary>Largest definition accepted, in UTF-8 bytes.</summary>
    public const int MaxDefinitionBytes = 5 * 1024 * 1024;

    /// <summary>Deepest nesting of objects and arrays accepted, the root object being level 1.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Most schema problems listed for one definition. Nobody reads further, and a hostile
    /// document could otherwise produce one problem per few bytes.
    /// </summary>
    public const int MaxSchemaProblems = 500;

    /// <summary>The JSON Schema of schemaVersion 1 as text (served at <c>GET /api/v1/schemas/workflow</c>).</summary>
    public static string SchemaJson => WorkflowSchema.Text;

    public static DefinitionReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Every character takes at least one UTF-8 byte, so a longer string is refused unencoded.
        return json.Length > MaxDefinitionBytes
            ? Failed(TooLarge(Encoding.UTF8.GetByteCount(json)))
            : Read(Encoding.UTF8.GetBytes(json));
    }

    public static DefinitionReadResult Read(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.Length > MaxDefinitionBytes)
        {
            return Failed(TooLarge(utf8Json.Length));
        }

        var text = utf8Json.Span.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;
        if (text.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Failed(new(ProblemCodes.DefinitionEmpty, "the definition is empty; expected a JSON object such as { \"schemaVersion\": 1, \"id\": …, \"name\": …, \"activities\": [ … ] }", PointerPath.Root));
        }

        if (FirstInvalidUtf8(text.Span) is { } invalidAt)
        {
            var where = TextPosition.FromOffset(text.Span, invalidAt);
            return Failed(new(ProblemCodes.InvalidUtf8, $"the text is not valid UTF-8 at {where} (byte {invalidAt + 1}); save the file with UTF-8 encoding", PointerPath.Root));
        }

        var problems = new List<ValidationProblem>();
        if (!JsonStructureScanner.Scan(text.Span, MaxDepth, problems))
        {
            return new DefinitionReadResult(null, problems);
        }

        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth + 1 });
        return ReadDocument(document.RootElement, problems);
    }

    public static async Task<DefinitionReadResult> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await utf8Json.ReadAsync(chunk, cancellationToken)) > 0)
        {
            // Stop reading at the limit: a hostile upload must not be buffered whole.
            if (buffer.Length + read > MaxDefinitionBytes)
            {
                return Failed(new(ProblemCodes.DefinitionTooLarge, $"the definition is larger than {Megabytes(MaxDefinitionBytes)}, the largest accepted", PointerPath.Root));
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static DefinitionReadResult ReadDocument(JsonElement root, List<ValidationProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(ProblemCodes.NotAnObject, $"a workflow definition is a JSON object ({{ … }}), but this text holds {JsonKinds.Actual(root)}", PointerPath.Root));
            return new DefinitionReadResult(null, problems);
        }

        if (!root.TryGetProperty("schemaVersion", out var schemaVersion))
        {
            problems.Add(new(ProblemCodes.SchemaVersionMissing, $"missing required property 'schemaVersion'; this runtime reads schemaVersion {WorkflowDefinition.CurrentSchemaVersion}", "/schemaVersion"));
        }
        else if (!(schemaVersion.ValueKind == JsonValueKind.Number && schemaVersion.TryGetInt32(out var version) && version == WorkflowDefinition.CurrentSchemaVersion))
        {
            // A newer format cannot be judged by the rules of this one: anything more would be noise.
            var found = schemaVersion.ValueKind == JsonValueKind.Number ? schemaVersion.GetRawText() : JsonKinds.Preview(schemaVersion);
            problems.Add(new(ProblemCodes.SchemaVersionUnsupported, $"schemaVersion {found} is not supported; this runtime reads schemaVersion {WorkflowDefinition.CurrentSchemaVersion}", "/schemaVersion"));
            return new DefinitionReadResult(null, problems);
        }

        var schemaProblems = SchemaProblemTranslator.Translate(WorkflowSchema.Evaluate(root), root, WorkflowSchema.Root)
            .Where(p => !(p.Code == ProblemCodes.MissingProperty && p.Path == "/schemaVersion"))
            .Take(MaxSchemaProblems + 1)
            .ToList();
        if (schemaProblems.Count > MaxSchemaProblems)
        {
            schemaProblems[MaxSchemaProblems] = new(ProblemCodes.TooManyProblems, $"the definition has more problems than the {MaxSchemaProblems} listed; fix these and read it again", PointerPath.Root);
        }

        problems.AddRange(schemaProblems);
        problems = [.. ProblemLocations.WithActivityIds(problems, root).OrderBy(p => p.Path, PointerPath.Comparer)];
        if (problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            return new DefinitionReadResult(null, problems);
        }

        try
        {
            return new DefinitionReadResult(root.Deserialize<WorkflowDefinition>(DefinitionJson.Options), problems);
        }
        catch (JsonException ex)
        {
            // The schema admits a few values the model cannot hold (a duration of a million years).
            var path = ProblemLocations.FromSerializerPath(ex.Path);
            problems.Add(new(ProblemCodes.InvalidValue, $"this value cannot be read: {ReadableSerializerMessage(ex)}", path));
            return new DefinitionReadResult(null, ProblemLocations.WithActivityIds(problems, root));
        }
    }

    private static string ReadableSerializerMessage(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut < 0 ? message : message[..cut];
        return message.Contains("System.", StringComparison.Ordinal) ? "it is not a value this property can hold" : message.TrimEnd('.');
    }

    private static long? FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }

        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    private static ValidationProblem TooLarge(long bytes)
        => new(ProblemCodes.DefinitionTooLarge, $"the definition is {Megabytes(bytes)}; the largest accepted is {Megabytes(MaxDefinitionBytes)}", PointerPath.Root);

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";

    private static DefinitionReadResult Failed(ValidationProblem problem) => new(null, [problem]);
}
