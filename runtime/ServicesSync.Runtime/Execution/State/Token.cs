using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Execution.State;

/// <summary>
/// A unit of pending work: run <see cref="ActivityId"/> in <see cref="Scope"/> with a message.
/// The message is kept both parsed (for the activity) and as JSON text (for the journal and the
/// persisted state), so that every message is serialised exactly once.
/// </summary>
internal sealed class Token
{
    private JsonNode? input;
    private bool inputParsed;

    public Token(long id, string activityId, string scope, Message message, string? sourceActivityId)
    {
        Id = id;
        ActivityId = activityId;
        Scope = scope;
        InputJson = message.Json;
        input = message.Node;
        inputParsed = message.IsParsed;
        SourceActivityId = sourceActivityId;
    }

    public long Id { get; }

    public string ActivityId { get; }

    public string Scope { get; }

    public string? SourceActivityId { get; }

    public string InputJson { get; }

    public TokenStatus Status { get; set; }

    public string? BookmarkId { get; set; }

    public ErrorInfo? Error { get; set; }

    /// <summary>For a sub-workflow call: the child instance this token waits for.</summary>
    public string? ChildInstanceId { get; set; }

    /// <summary>
    /// Set when the token's bookmark was resumed: the token then runs the activity's resume path
    /// with this input. Persisted, so a crash right after the resume does not lose it.
    /// </summary>
    public TokenResumption? Resumption { get; set; }

    public JsonNode? Input
    {
        get
        {
            if (!inputParsed)
            {
                input = Message.Parse(InputJson);
                inputParsed = true;
            }

            return input;
        }
    }

    public Message Message => inputParsed ? new Message(input, InputJson) : Message.FromJson(InputJson);
}
