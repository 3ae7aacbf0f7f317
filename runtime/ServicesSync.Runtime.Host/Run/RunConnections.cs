using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServicesSync.Connections;
using ServicesSync.Errors;
using ServicesSync.Host.Common;

namespace ServicesSync.Host.Run;

/// <summary>
/// <c>run --connections FILE</c>: a JSON object of connections keyed by id, each in the shape the
/// connections API accepts. A secret field may say <c>${env:NAME}</c> so the file itself can be
/// checked in without credentials. The whole file is checked before anything runs, and problems
/// name the connection and field, never a value.
/// </summary>
internal static partial class RunConnections
{
    public static async Task<IReadOnlyList<ConnectionInput>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (await JsonFiles.ReadJsonAsync(path, "connections file", cancellationToken) is not JsonObject file)
        {
            throw new CliException(ExitCodes.InvalidInput, $"The connections file '{path}' must hold a JSON object of connections keyed by id.");
        }

        var connections = new List<ConnectionInput>();
        var problems = new List<string>();
        foreach (var (id, node) in file)
        {
            if (node is not JsonObject body)
            {
                problems.Add($"connection '{id}': must be a JSON object.");
                continue;
            }

            var resolved = body.DeepClone().AsObject();
            var missing = ResolveEnvironmentReferences(resolved);
            var input = ConnectionJson.Read(resolved, urlId: id);
            // Checked here as well as on save, so every connection's problems are listed in one go.
            var invalid = input.Definition is null || missing.Count > 0 ? [] : ConnectionValidator.Validate(id, input.Definition, input.Secrets);
            problems.AddRange(missing.Concat(input.Problems).Concat(invalid).Select(p => $"connection '{id}': {p}"));
            connections.Add(input);
        }

        if (problems.Count > 0)
        {
            throw new CliException(
                ExitCodes.InvalidInput,
                $"The connections file '{path}' has problems; nothing was run:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        }

        return connections;
    }

    /// <summary>
    /// Adds each connection to the run's store, or replaces it there: with <c>--data</c> the file
    /// is the operator's statement of what the connection is now, so it wins over what was stored.
    /// </summary>
    public static async Task SaveAsync(IConnectionService service, IReadOnlyList<ConnectionInput> connections, string path, CancellationToken cancellationToken)
    {
        foreach (var connection in connections)
        {
            try
            {
                if (await service.FindSummaryAsync(connection.Id, cancellationToken) is null)
                {
                    await service.CreateAsync(connection.Id, connection.Definition!, connection.Secrets, cancellationToken);
                }
                else
                {
                    await service.UpdateAsync(connection.Id, connection.Definition!, connection.Secrets, expectedETag: null, cancellationToken);
                }
            }
            catch (ServicesSyncException exception) when (exception.Kind is ErrorKind.Validation or ErrorKind.Configuration)
            {
                throw new CliException(ExitCodes.InvalidInput, $"The connections file '{path}': {exception.Message} Nothing was run.", exception);
            }
        }
    }

    /// <summary>Replaces <c>${env:NAME}</c> in secret fields; returns a problem for each variable that is not set.</summary>
    private static List<string> ResolveEnvironmentReferences(JsonObject connection)
    {
        var problems = new List<string>();
        if (connection["auth"] is not JsonObject auth)
        {
            return problems;
        }

        var kind = auth["kind"] is JsonValue k && k.TryGetValue<string>(out var text) ? text : AuthKinds.None;
        foreach (var field in AuthKinds.SecretFields(kind))
        {
            if (auth[field] is not JsonValue value || !value.TryGetValue<string>(out var secret)
                || EnvironmentReference().Match(secret) is not { Success: true } reference)
            {
                continue;
            }

            var name = reference.Groups["name"].Value;
            var resolved = Environment.GetEnvironmentVariable(name);
            if (string.IsNullOrEmpty(resolved))
            {
                problems.Add($"auth.{field}: the environment variable {name} is not set.");
                auth.Remove(field);
            }
            else
            {
                auth[field] = resolved;
            }
        }

        return problems;
    }

    [GeneratedRegex(@"^\$\{env:(?<name>[A-Za-z_][A-Za-z0-9_]*)\}$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentReference();
}
