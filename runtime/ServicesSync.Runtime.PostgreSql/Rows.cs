using System.Data.Common;
using Npgsql;
using ServicesSync.Errors;

namespace ServicesSync.Persistence.PostgreSql;

/// <summary>
/// Value conventions of every table: times are UTC ticks (so DateTimeOffset round-trips to the
/// tick), enums their names, absent values SQL null. Parameters are positional ($1, $2 …).
/// </summary>
internal static class Rows
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(Parameter(value));
        }

        return command;
    }

    public static NpgsqlBatchCommand BatchCommand(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(Parameter(value));
        }

        return command;
    }

    public static long Ticks(DateTimeOffset value) => value.UtcTicks;

    public static object Ticks(DateTimeOffset? value) => value is { } time ? time.UtcTicks : DBNull.Value;

    public static DateTimeOffset Time(this DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static DateTimeOffset? NullableTime(this DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.Time(ordinal);

    public static string? NullableString(this DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? NullableInt(this DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static TEnum Enum<TEnum>(this DbDataReader reader, int ordinal)
        where TEnum : struct, Enum
        => System.Enum.Parse<TEnum>(reader.GetString(ordinal));

    /// <summary>An error kept as three columns (message, kind, retryable) starting at <paramref name="ordinal"/>.</summary>
    public static ErrorInfo? Error(this DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal)
            ? null
            : new ErrorInfo(reader.GetString(ordinal), reader.Enum<ErrorKind>(ordinal + 1), reader.GetBoolean(ordinal + 2));

    public static object?[] Error(ErrorInfo? error)
        => error is null ? [null, null, null] : [error.Message, error.Kind.ToString(), error.Retryable];

    public static async Task<List<T>> ListAsync<T>(this NpgsqlCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(map(reader));
        }

        return items;
    }

    public static async Task<T?> SingleOrDefaultAsync<T>(this NpgsqlCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? map(reader) : null;
    }

    private static NpgsqlParameter Parameter(object? value)
        => value switch
        {
            null => new NpgsqlParameter { Value = DBNull.Value },
            string[] strings => new NpgsqlParameter { Value = strings, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text },
            _ => new NpgsqlParameter { Value = value },
        };
}
