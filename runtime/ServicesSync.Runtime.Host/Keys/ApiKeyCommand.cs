using System.CommandLine;
using ServicesSync.Api;
using ServicesSync.Api.Security;
using ServicesSync.Host.Common;

namespace ServicesSync.Host.Keys;

/// <summary><c>servicessync apikey create|list|revoke</c>: keys for the management API, stored hashed.</summary>
internal static class ApiKeyCommand
{

    public static Command Create()
    {
        var command = new Command("apikey", "Create, list and revoke API keys of the management API.");
        command.Add(CreateCommand());
        command.Add(ListCommand());
        command.Add(RevokeCommand());
        return command;
    }

    private static Command CreateCommand()
    {
        var data = CommonOptions.Data();
        var store = CommonOptions.Store();
        var scopes = new Option<string>("--scopes")
        {
            Description = $"Comma-separated scopes: {string.Join(", ", ApiScopes.All)}.",
            HelpName = "SCOPES",
            Required = true,
        };
        var name = new Option<string?>("--name") { Description = "A label to tell keys apart in listings.", HelpName = "NAME" };
        var command = new Command("create", "Create a key; it is printed once, alone on the last line.") { data, store, scopes, name };
        command.SetAction((parse, cancellationToken) => CreateAsync(
            new StoreArguments(parse.GetValue(data), parse.GetValue(store)), parse.GetRequiredValue(scopes), parse.GetValue(name), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static Command ListCommand()
    {
        var data = CommonOptions.Data();
        var store = CommonOptions.Store();
        var command = new Command("list", "List keys (never the keys themselves).") { data, store };
        command.SetAction((parse, cancellationToken) => ListAsync(
            new StoreArguments(parse.GetValue(data), parse.GetValue(store)), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static Command RevokeCommand()
    {
        var data = CommonOptions.Data();
        var store = CommonOptions.Store();
        var id = new Argument<string>("ID") { Description = "The key id shown by 'apikey list'." };
        var command = new Command("revoke", "Revoke a key; servers refuse it within their key cache time (30 s by default).") { id, data, store };
        command.SetAction((parse, cancellationToken) => RevokeAsync(
            new StoreArguments(parse.GetValue(data), parse.GetValue(store)), parse.GetRequiredValue(id), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    internal static async Task<int> CreateAsync(StoreArguments storeArguments, string scopeList, string? name, TextWriter output, CancellationToken cancellationToken)
    {
        var scopes = scopeList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = scopes.Where(s => !ApiScopes.IsKnown(s)).ToArray();
        if (scopes.Length == 0 || unknown.Length > 0)
        {
            var what = scopes.Length == 0 ? "no scope given" : $"unknown scope {string.Join(", ", unknown.Select(s => $"'{s}'"))}";
            throw new CliException(ExitCodes.InvalidInput, $"--scopes: {what}; use a comma-separated list of {string.Join(", ", ApiScopes.All)}.");
        }

        if (ApiKeys.NameProblem(name) is { } problem)
        {
            throw new CliException(ExitCodes.InvalidInput, $"--name: {problem}.");
        }

        await using var cli = CliServices.WithStore(storeArguments.ForWriting());
        var key = ApiKeys.Generate();
        var now = cli.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var record = ApiKeys.CreateRecord(key, string.IsNullOrWhiteSpace(name) ? "unnamed" : name.Trim(), scopes, now);
        await cli.Store.AddApiKeyAsync(record, cancellationToken);

        await output.WriteLineAsync($"Created API key {record.Id} '{record.Name}' with scopes {string.Join(",", record.Scopes)}.");
        await output.WriteLineAsync($"Send it in the {ApiKeyDefaults.HeaderName} header. It is stored hashed and cannot be shown again:");
        await output.WriteLineAsync(key);
        return ExitCodes.Ok;
    }

    internal static async Task<int> ListAsync(StoreArguments storeArguments, TextWriter output, CancellationToken cancellationToken)
    {
        await using var cli = CliServices.WithStore(storeArguments.ForReading());
        var keys = await cli.Store.ListApiKeysAsync(cancellationToken);
        if (keys.Count == 0)
        {
            await output.WriteLineAsync("No API keys.");
            return ExitCodes.Ok;
        }

        await output.WriteLineAsync($"{"ID",-18} {"PREFIX",-12} {"SCOPES",-16} {"CREATED",-21} {"STATUS",-9} NAME");
        foreach (var key in keys.OrderBy(k => k.CreatedAt))
        {
            var status = key.RevokedAt is null ? "active" : "revoked";
            await output.WriteLineAsync(
                $"{key.Id,-18} {key.Prefix + "…",-12} {string.Join(",", key.Scopes),-16} {key.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z  {status,-9} {key.Name}");
        }

        return ExitCodes.Ok;
    }

    internal static async Task<int> RevokeAsync(StoreArguments storeArguments, string id, TextWriter output, CancellationToken cancellationToken)
    {
        await using var cli = CliServices.WithStore(storeArguments.ForReading());
        var now = cli.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!await cli.Store.RevokeApiKeyAsync(id, now, cancellationToken))
        {
            throw new CliException(ExitCodes.NotFound, $"No API key has id '{id}'; 'servicessync apikey list' shows the ids.");
        }

        var cache = new ServicesSyncApiOptions().ApiKeyCacheDuration;
        await output.WriteLineAsync($"Revoked API key {id}. Running servers refuse it within {cache.TotalSeconds:0} seconds.");
        return ExitCodes.Ok;
    }
}
