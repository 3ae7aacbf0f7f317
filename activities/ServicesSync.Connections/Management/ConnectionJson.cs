using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ServicesSync.Json;

namespace ServicesSync.Connections;

/// <summary>
/// The JSON form of a connection in the API and in connection files. Secret fields sit inside
/// <c>auth</c> beside the others on the way in; on the way out they are left out and
/// <c>hasSecret</c> says whether they are set.
/// </summary>
public static class ConnectionJson
{
    private static readonly JsonSerializerOptions Strict = CreateStrict();

    /// <summary>
    /// Splits a request body into the id, the definition and the secret values. Problems name
    /// the field and never quote a value. <paramref name="urlId"/> is the id of a PUT route.
    /// </summary>
    public static ConnectionInput Read(JsonObject body, string? urlId)
    {
        ArgumentNullException.ThrowIfNull(body);
        var problems = new List<string>();
        var copy = body.DeepClone().AsObject();
        var id = TakeString(copy, "id", problems);
        if (urlId is not null)
        {
            if (id is not null && id != urlId)
            {
                problems.Add($"id: the body says '{id}' but the URL says '{urlId}'.");
            }

            id = urlId;
        }
        else if (id is null)
        {
            problems.Add("id: is required.");
        }

        copy.Remove("hasSecret");
        copy.Remove("createdAt");
        copy.Remove("updatedAt");
        copy.Remove("etag");
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (copy["auth"] is JsonObject auth)
        {
            var kind = auth["kind"] is JsonValue k && k.TryGetValue<string>(out var text) ? text : AuthKinds.None;
            foreach (var field in AuthKinds.SecretFields(kind))
            {
                var value = auth[field];
                auth.Remove(field);
                if (value is null)
                {
                    continue;
                }

                if (value is JsonValue v && v.TryGetValue<string>(out var secret))
                {
                    secrets[field] = secret;
                }
                else
                {
                    problems.Add($"auth.{field}: must be a string.");
                }
            }
        }

        ConnectionDefinition? definition = null;
        try
        {
            definition = copy.Deserialize<ConnectionDefinition>(Strict);
        }
        catch (JsonException ex)
        {
            problems.Add(Describe(ex));
        }

        return new ConnectionInput(id ?? "", definition, secrets, problems);
    }

    /// <summary>The API's view of a connection: its definition, <c>hasSecret</c>, times and ETag.</summary>
    public static JsonObject ToView(ConnectionSummary info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var view = new JsonObject { ["id"] = info.Id };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(info.Definition, ActivityJson.Options)!.AsObject())
        {
            view[name] = value?.DeepClone();
        }

        view["hasSecret"] = info.HasSecret;
        view["secretFields"] = new JsonArray([.. AuthKinds.SecretFields(info.Definition.Auth.Kind).Select(f => JsonValue.Create(f))]);
        view["createdAt"] = info.CreatedAt;
        view["updatedAt"] = info.UpdatedAt;
        view["etag"] = info.ETag;
        return view;
    }

    private static string? TakeString(JsonObject body, string name, List<string> problems)
    {
        var node = body[name];
        body.Remove(name);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        problems.Add($"{name}: must be a string.");
        return null;
    }

    private static string Describe(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "" : ex.Path.TrimStart('$', '.') + ": ";
        // System.Text.Json messages name the property and the expected type, never the value.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut < 0 ? message : message[..cut];

        // The serializer's wording names .NET types; a user needs the field and what it expects.
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return path + "is not a field here; check its spelling and whether it belongs under another object (docs/connections.md).";
        }

        if (message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            return path + "must be " + Expected(message["The JSON value could not be converted to ".Length..].TrimEnd('.')) + ".";
        }

        return path + message;
    }

    private static string Expected(string clrType) => clrType switch
    {
        "System.String" => "a string",
        "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
        _ when clrType.Contains("Int32", StringComparison.Ordinal) || clrType.Contains("Int64", StringComparison.Ordinal) => "a whole number",
        _ when clrType.Contains("Double", StringComparison.Ordinal) || clrType.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when clrType.Contains("TimeSpan", StringComparison.Ordinal) => "an ISO 8601 duration such as \"PT30S\"",
        _ when clrType.Contains("Dictionary", StringComparison.Ordinal) => "an object",
        _ when clrType.StartsWith("ServicesSync.", StringComparison.Ordinal) => "an object",
        _ => "a value of another JSON type",
    };

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(ActivityJson.Options)
        {
            // A misspelt field would otherwise be dropped silently, and a misplaced secret stored in clear.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>A connection read from JSON: <see cref="Definition"/> is null when the body could not be read.</summary>
public sealed record ConnectionInput(
    string Id,
    ConnectionDefinition? Definition,
    IReadOnlyDictionary<string, string> Secrets,
    IReadOnlyList<string> Problems);
