namespace ServicesSync.Activities.Services.NetSuite;

internal sealed class SuiteQlQueryInputs
{
    [Input(Required = true, Expressions = false, Editor = EditorHints.Connection,
        Description = "Id of a netsuite connection (token-based authentication); its secrets live encrypted in the connection, never here.")]
    public string? Connection { get; set; }

    [Input(Required = true, Description = "The SuiteQL statement. Order it by a unique key so pages do not overlap; compare dates with "
        + "TO_TIMESTAMP('2026-01-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS') (UTC) rather than ISO text with a trailing Z, which SuiteQL does not parse.")]
    public string? Query { get; set; }

    [Input(Description = "Rows per request: 5 to 1000 (NetSuite's maximum).")]
    public int PageSize { get; set; } = 1000;

    [Input(Description = "Stop after this many pages, so a runaway query cannot fill the journal; the output's 'complete' says whether rows were left.")]
    public int MaxPages { get; set; } = 50;
}
