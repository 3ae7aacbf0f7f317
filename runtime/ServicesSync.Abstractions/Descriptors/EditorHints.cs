namespace ServicesSync.Activities;

/// <summary>Which editor the designer's property panel shows for an input.</summary>
public static class EditorHints
{
    public const string Text = "text";
    public const string Multiline = "multiline";
    public const string Number = "number";
    public const string Checkbox = "checkbox";
    public const string Select = "select";
    public const string Json = "json";
    public const string KeyValue = "keyValue";
    public const string Code = "code";
    public const string Connection = "connection";
    public const string Secret = "secret";
    public const string Cron = "cron";
    public const string Duration = "duration";
    public const string Workflow = "workflow";
}
