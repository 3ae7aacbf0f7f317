using System.Globalization;
using Npgsql;
using ServicesSync.Errors;

namespace ServicesSync.Persistence.PostgreSql;

/// <summary>
/// Reads what operators write for <c>--store</c>: an Npgsql connection string or a
/// <c>postgres://</c> URI, and names the database without its password for every message.
/// </summary>
public static class StoreConnectionString
{
    /// <summary>The Npgsql form of <paramref name="value"/>; a <see cref="ServicesSyncException"/> of kind Configuration naming what is wrong.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid("it is empty");
        }

        var trimmed = value.Trim();
        return trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? FromUri(trimmed)
            : FromKeywords(trimmed);
    }

    /// <summary><c>host:port/database as user</c>: what an operator needs to find the server, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var user = string.IsNullOrEmpty(builder.Username) ? "" : $" as {builder.Username}";
        return $"{builder.Host}:{builder.Port}/{builder.Database ?? "(default database)"}{user}";
    }

    private static NpgsqlConnectionStringBuilder FromKeywords(string value)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // Npgsql's message names the keyword; the value itself may hold a password, so it is not repeated.
            throw Invalid(e.Message);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw Invalid("it names no Host (expected e.g. \"Host=db;Port=5432;Database=servicessync;Username=servicessync\")");
        }

        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromUri(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw Invalid("the postgres:// URI is not well formed (expected postgres://user:password@host:port/database)");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var setting = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            try
            {
                // libpq spells TLS as sslmode; Npgsql accepts it as "SSL Mode".
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = setting;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw Invalid(string.Create(CultureInfo.InvariantCulture, $"the URI parameter '{key}' is not understood: {e.Message}"));
            }
        }

        return builder;
    }

    private static ServicesSyncException Invalid(string why)
        => new($"The store connection string is not valid: {why}.", ErrorKind.Configuration);
}
