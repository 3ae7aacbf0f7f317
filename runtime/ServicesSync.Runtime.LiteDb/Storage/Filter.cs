using LiteDB;

namespace ServicesSync.Persistence.LiteDb.Storage;

/// <summary>
/// Builds parameterised LiteDB filters. LiteDB's own <c>Query.EQ</c>, <c>Query.Between</c> …
/// write the value into the expression text, and LiteDB caches every distinct expression text for
/// the life of the process, compiled delegate included: one filter per instance id is a memory
/// leak that grows with every run. Here the text depends only on which conditions are present;
/// values travel as parameters, so the cache holds a handful of entries.
/// </summary>
internal sealed class Filter
{
    private readonly List<string> conditions = [];
    private readonly List<BsonValue> parameters = [];

    public bool IsEmpty => conditions.Count == 0;

    public static Filter Where() => new();

    public Filter Eq(string field, BsonValue value) => Add($"{field} = {Next(value)}");

    public Filter Gte(string field, BsonValue value) => Add($"{field} >= {Next(value)}");

    public Filter Lt(string field, BsonValue value) => Add($"{field} < {Next(value)}");

    public Filter Between(string field, BsonValue from, BsonValue to) => Add($"{field} BETWEEN {Next(from)} AND {Next(to)}");

    /// <summary>A LIKE prefix match: may match a little more than the prefix (wildcards in it); callers re-check exactly.</summary>
    public Filter StartsWith(string field, string prefix) => Add($"{field} LIKE {Next(prefix + "%")}");

    public Filter In(string field, params string[] values)
        => Add("(" + string.Join(" OR ", values.Select(v => $"{field} = {Next(v)}")) + ")");

    public BsonExpression Build()
    {
        if (IsEmpty)
        {
            throw new InvalidOperationException("An empty filter has no expression; query without one.");
        }

        return BsonExpression.Create(string.Join(" AND ", conditions), [.. parameters]);
    }

    public static implicit operator BsonExpression(Filter filter) => filter.Build();

    private Filter Add(string condition)
    {
        conditions.Add(condition);
        return this;
    }

    private string Next(BsonValue value)
    {
        parameters.Add(value);
        return "@" + (parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
