using System.Text.Json.Nodes;

namespace ServicesSync.Designer.Design.Pinning;

/// <summary>
/// A pinned output: the JSON the activity is taken to produce, and the outcome it leaves by
/// (the activity's default outcome when null).
/// </summary>
internal sealed record Pin(JsonNode? Output, string? Outcome = null);
