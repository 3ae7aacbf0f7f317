namespace ServicesSync.Activities.Triggers;

/// <summary>Read by the host's directory watcher when the workflow is published: nothing here is an expression.</summary>
internal sealed class FileDropTriggerInputs
{
    [Input(
        Required = true,
        Expressions = false,
        Description = "Directory to watch. A relative path is under the data directory's drops/ folder; an absolute one must be under a root allowed in ServicesSync:Triggers:FileDropRoots.")]
    public string? Directory { get; set; }

    [Input(Expressions = false, Description = "File name pattern, for example *.csv or timesheets-*.csv.")]
    public string Pattern { get; set; } = "*.csv";

    [Input(Expressions = false, Description = "Field delimiter: one character, for example , or ; or \\t for a tab.")]
    public string Delimiter { get; set; } = ",";

    [Input(Expressions = false, Description = "Whether the first row names the columns; without it the columns are named column1, column2, …")]
    public bool HeaderRow { get; set; } = true;

    [Input(Expressions = false, Description = "Text encoding of the files: utf-8 (a byte-order mark is skipped), utf-16, latin1 (ISO-8859-1) or ascii.")]
    public string Encoding { get; set; } = "utf-8";
}
