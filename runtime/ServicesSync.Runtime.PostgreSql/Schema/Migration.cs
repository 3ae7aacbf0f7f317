namespace ServicesSync.Persistence.PostgreSql.Schema;

/// <summary>One numbered step of the schema, its SQL embedded in the assembly (<c>Schema/Migrations/NNNN_name.sql</c>).</summary>
internal sealed record Migration(int Version, string Name, string Sql);
