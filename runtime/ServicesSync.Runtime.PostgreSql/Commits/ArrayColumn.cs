using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace ServicesSync.Persistence.PostgreSql.Commits;

/// <summary>
/// One column of a set-based statement: the values of every row in one array parameter, which
/// the statement unnests. Types are given, not inferred, so the statement text and its parameter
/// types never change and the server prepares it once per connection.
/// </summary>
internal static class ArrayColumn
{
    public static NpgsqlParameter Text(string?[] values) => Of(values, NpgsqlDbType.Text);

    public static NpgsqlParameter Integer(int?[] values) => Of(values, NpgsqlDbType.Integer);

    public static NpgsqlParameter Bigint(long?[] values) => Of(values, NpgsqlDbType.Bigint);

    public static NpgsqlParameter Boolean(bool?[] values) => Of(values, NpgsqlDbType.Boolean);

    /// <summary>
    /// A text[] value as PostgreSQL's array literal (<c>{"a","b"}</c>), for a column that is itself an
    /// array: unnest would flatten an array of arrays, so each row's array travels as text and is cast back.
    /// </summary>
    public static string Literal(IReadOnlyList<string> items)
    {
        var builder = new StringBuilder("{");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append('"');
            foreach (var c in items[i])
            {
                if (c is '"' or '\\')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }

            builder.Append('"');
        }

        return builder.Append('}').ToString();
    }

    private static NpgsqlParameter Of<T>(T[] values, NpgsqlDbType element)
        => new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | element };
}
