using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicesSync.Api.Http;
using ServicesSync.Api.Problems;
using ServicesSync.Definitions;
using ServicesSync.Validation;
using ValidationProblem = ServicesSync.Validation.ValidationProblem;

namespace ServicesSync.Api.Workflows;

/// <summary>
/// Reads a definition from a request body: size limit, JSON syntax (with line and position),
/// then <see cref="WorkflowDefinitionReader"/> for the schema. With a URL id, a body without an
/// id takes the URL's and a different one is refused.
/// </summary>
internal static class DefinitionBody
{
    public static async Task<DefinitionBodyResult> ReadAsync(HttpRequest request, string? urlId, CancellationToken cancellationToken)
    {
        var runtimeOptions = request.HttpContext.RequestServices.GetRequiredService<IOptions<RuntimeOptions>>().Value;
        var maxBytes = Math.Min(runtimeOptions.MaxMessageBytes, WorkflowDefinitionReader.MaxDefinitionBytes);
        var bytes = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (RequestBody.IsBlank(bytes))
        {
            return DefinitionBodyResult.Fail(ApiProblems.InvalidRequest("The request body is empty: send a workflow definition as JSON."));
        }

        var utf8 = bytes.AsMemory();
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        Utf8Body.Require(utf8.Span);

        string? bodyId = null;
        bool isObject;
        bool isEmptyObject = false;
        using (var document = JsonDocument.Parse(utf8))
        {
            var root = document.RootElement;
            isObject = root.ValueKind == JsonValueKind.Object;
            if (isObject)
            {
                isEmptyObject = !root.EnumerateObject().Any();
                if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    bodyId = id.GetString();
                }
            }
        }

        var text = Encoding.UTF8.GetString(utf8.Span);
        if (urlId is not null && isObject)
        {
            if (bodyId is not null && bodyId != urlId)
            {
                return DefinitionBodyResult.Fail(ApiProblems.InvalidRequest(
                    $"The id in the body ('{bodyId}') differs from the id in the URL ('{urlId}'). Use the same id, or leave it out of the body."));
            }

            if (bodyId is null)
            {
                text = WithId(text, urlId, isEmptyObject);
            }
        }

        var read = WorkflowDefinitionReader.Read(text);
        if (!read.Succeeded)
        {
            var errors = read.Problems.Count(p => p.Severity == ProblemSeverity.Error);
            return DefinitionBodyResult.Fail(ApiProblems.WithProblems(
                ProblemKinds.InvalidDefinition,
                $"The workflow definition has {Count(errors, "problem")} that prevent reading it.",
                read.Problems));
        }

        return new DefinitionBodyResult(read.Definition, read.Problems, null);
    }

    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    // Text, not a re-serialised tree: the reader then reports positions in the text the client sent.
    private static string WithId(string text, string id, bool isEmptyObject)
    {
        var brace = text.IndexOf('{', StringComparison.Ordinal);
        var member = $"\"id\":{JsonSerializer.Serialize(id)}" + (isEmptyObject ? "" : ",");
        return text.Insert(brace + 1, member);
    }
}

internal sealed record DefinitionBodyResult(WorkflowDefinition? Definition, IReadOnlyList<ValidationProblem> ReadProblems, ProblemHttpResult? Problem)
{
    public static DefinitionBodyResult Fail(ProblemHttpResult problem) => new(null, [], problem);
}
