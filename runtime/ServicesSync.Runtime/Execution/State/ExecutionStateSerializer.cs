using System.Buffers;
using System.Text;
using System.Text.Json;
using ServicesSync.Errors;
using ServicesSync.Persistence;

namespace ServicesSync.Execution.State;

/// <summary>
/// Writes and reads <see cref="ExecutionState"/> as compact JSON. Messages are embedded as raw
/// JSON text (already serialised once for the journal), so saving state never re-serialises them.
/// </summary>
internal static class ExecutionStateSerializer
{
    public static string Serialize(ExecutionState state)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("nextToken", state.NextTokenId);
            WriteTokens(writer, state.Tokens);
            WriteJoins(writer, state.Joins.Values);
            WriteLoops(writer, state.Loops.Values);
            if (state.Output is { } output)
            {
                writer.WritePropertyName("output");
                writer.WriteRawValue(output.Json, skipInputValidation: true);
            }

            if (state.CrashResumes > 0)
            {
                writer.WriteNumber("crashResumes", state.CrashResumes);
            }

            if (state.StoppedCleanly)
            {
                writer.WriteBoolean("stoppedCleanly", true);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static ExecutionState Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        var root = document.RootElement;
        var state = new ExecutionState();
        if (root.TryGetProperty("nextToken", out var next))
        {
            state.NextTokenId = next.GetInt64();
        }

        if (root.TryGetProperty("tokens", out var tokens))
        {
            foreach (var element in tokens.EnumerateArray())
            {
                state.Tokens.Add(ReadToken(element));
            }
        }

        if (root.TryGetProperty("joins", out var joins))
        {
            foreach (var element in joins.EnumerateArray())
            {
                var join = ReadJoin(element);
                state.Joins[join.Key] = join;
            }
        }

        if (root.TryGetProperty("loops", out var loops))
        {
            foreach (var element in loops.EnumerateArray())
            {
                var loop = ReadLoop(element);
                state.Loops[loop.Key] = loop;
            }
        }

        if (root.TryGetProperty("output", out var output))
        {
            state.Output = Message.FromJson(output.GetRawText());
        }

        if (root.TryGetProperty("crashResumes", out var crashResumes))
        {
            state.CrashResumes = crashResumes.GetInt32();
        }

        state.StoppedCleanly = root.TryGetProperty("stoppedCleanly", out var stoppedCleanly) && stoppedCleanly.GetBoolean();
        return state;
    }

    private static void WriteTokens(Utf8JsonWriter writer, List<Token> tokens)
    {
        writer.WriteStartArray("tokens");
        foreach (var token in tokens)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", token.Id);
            writer.WriteString("activity", token.ActivityId);
            if (token.Scope.Length > 0)
            {
                writer.WriteString("scope", token.Scope);
            }

            writer.WriteString("status", token.Status == TokenStatus.Running ? "pending" : StatusName(token.Status));
            writer.WritePropertyName("input");
            writer.WriteRawValue(token.InputJson, skipInputValidation: true);
            WriteOptional(writer, "from", token.SourceActivityId);
            WriteOptional(writer, "bookmark", token.BookmarkId);
            WriteOptional(writer, "child", token.ChildInstanceId);
            if (token.Resumption is { } resumption)
            {
                writer.WriteStartObject("resumption");
                writer.WriteString("bookmark", resumption.BookmarkName);
                WriteOptional(writer, "correlation", resumption.CorrelationKey);
                WriteOptional(writer, "payload", resumption.PayloadJson);
                writer.WriteBoolean("timedOut", resumption.TimedOut);
                writer.WritePropertyName("input");
                writer.WriteRawValue(resumption.Input.Json, skipInputValidation: true);
                writer.WriteEndObject();
            }

            if (token.Error is { } error)
            {
                writer.WriteStartObject("error");
                writer.WriteString("message", error.Message);
                writer.WriteString("kind", error.Kind.ToString());
                writer.WriteBoolean("retryable", error.Retryable);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteJoins(Utf8JsonWriter writer, IEnumerable<JoinState> joins)
    {
        writer.WriteStartArray("joins");
        foreach (var join in joins)
        {
            writer.WriteStartObject();
            writer.WriteString("activity", join.ActivityId);
            writer.WriteString("scope", join.Scope);
            writer.WriteBoolean("fired", join.Fired);
            writer.WriteStartArray("arrivals");
            foreach (var arrival in join.Arrivals)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(arrival.Key);
                writer.WriteRawValue(arrival.Value.Json, skipInputValidation: true);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteLoops(Utf8JsonWriter writer, IEnumerable<LoopState> loops)
    {
        writer.WriteStartArray("loops");
        foreach (var loop in loops)
        {
            writer.WriteStartObject();
            writer.WriteString("activity", loop.ActivityId);
            writer.WriteString("scope", loop.Scope);
            writer.WriteNumber("itemsSeq", loop.ItemsSequence);
            writer.WriteNumber("count", loop.Count);
            writer.WriteNumber("parallelism", loop.Parallelism);
            writer.WriteNumber("next", loop.Next);
            writer.WriteNumber("completed", loop.CompletedCount);
            writer.WriteStartArray("active");
            foreach (var (index, last) in loop.Active)
            {
                writer.WriteStartObject();
                writer.WriteNumber("index", index);
                if (last is { } message)
                {
                    writer.WritePropertyName("last");
                    writer.WriteRawValue(message.Json, skipInputValidation: true);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static Token ReadToken(JsonElement element)
    {
        var token = new Token(
            element.GetProperty("id").GetInt64(),
            element.GetProperty("activity").GetString()!,
            element.TryGetProperty("scope", out var scope) ? scope.GetString()! : "",
            Message.FromJson(element.GetProperty("input").GetRawText()),
            OptionalString(element, "from"))
        {
            Status = ParseStatus(element.GetProperty("status").GetString()),
            BookmarkId = OptionalString(element, "bookmark"),
            ChildInstanceId = OptionalString(element, "child"),
        };
        if (element.TryGetProperty("resumption", out var resumption))
        {
            token.Resumption = new TokenResumption(
                resumption.GetProperty("bookmark").GetString()!,
                OptionalString(resumption, "correlation"),
                OptionalString(resumption, "payload"),
                Message.FromJson(resumption.GetProperty("input").GetRawText()),
                resumption.GetProperty("timedOut").GetBoolean());
        }

        if (element.TryGetProperty("error", out var error))
        {
            token.Error = new ErrorInfo(
                error.GetProperty("message").GetString()!,
                Enum.Parse<ErrorKind>(error.GetProperty("kind").GetString()!),
                error.GetProperty("retryable").GetBoolean());
        }

        return token;
    }

    private static JoinState ReadJoin(JsonElement element)
    {
        var join = new JoinState(element.GetProperty("activity").GetString()!, element.GetProperty("scope").GetString()!)
        {
            Fired = element.GetProperty("fired").GetBoolean(),
        };
        foreach (var arrival in element.GetProperty("arrivals").EnumerateArray())
        {
            join.Add(arrival[0].GetString()!, Message.FromJson(arrival[1].GetRawText()));
        }

        return join;
    }

    private static LoopState ReadLoop(JsonElement element)
    {
        var loop = new LoopState
        {
            ActivityId = element.GetProperty("activity").GetString()!,
            Scope = element.GetProperty("scope").GetString()!,
            ItemsSequence = element.GetProperty("itemsSeq").GetInt64(),
            Count = element.GetProperty("count").GetInt32(),
            Parallelism = element.GetProperty("parallelism").GetInt32(),
            Next = element.GetProperty("next").GetInt32(),
            CompletedCount = element.GetProperty("completed").GetInt32(),
        };
        foreach (var active in element.GetProperty("active").EnumerateArray())
        {
            loop.Active[active.GetProperty("index").GetInt32()] = active.TryGetProperty("last", out var last)
                ? Message.FromJson(last.GetRawText())
                : null;
        }

        return loop;
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? OptionalString(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string StatusName(TokenStatus status) => status switch
    {
        TokenStatus.Suspended => "suspended",
        TokenStatus.Faulted => "faulted",
        _ => "pending",
    };

    private static TokenStatus ParseStatus(string? name) => name switch
    {
        "suspended" => TokenStatus.Suspended,
        "faulted" => TokenStatus.Faulted,
        _ => TokenStatus.Pending,
    };
}
