using ServicesSync.Api.Problems;

namespace ServicesSync.Api.Hooks;

/// <summary>Why intake refused a request; becomes a problem response. Nothing was stored or started.</summary>
internal sealed class WebhookRejection(ProblemKind kind, string detail) : Exception(detail)
{
    public ProblemKind Kind { get; } = kind;
}
