using System.Text;
using System.Text.Json.Nodes;

namespace ServicesSync.Text;

/// <summary>
/// RFC 4180 CSV: fields separated by one delimiter character, optionally quoted with <c>"</c>
/// (a quote inside is doubled, and a quoted field may span lines), records ending in CRLF or LF.
/// Every value stays text. Anything else is an error naming the row and column, and a file with
/// an error yields no rows at all: a half-read batch is never handed to a workflow. One reader
/// for the file-drop trigger, rate-card files and anything else, so a file reads the same everywhere.
/// </summary>
public static class CsvReader
{
    private const int MaxErrors = 100;

    /// <summary>The records as lists of fields, each with the row it starts on; none when there is an error.</summary>
    public static CsvRecords ReadRecords(string text, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<(int Row, List<string> Fields)>();
        var errors = new List<CsvError>();
        Parse(text, delimiter, records, errors);
        return errors.Count > 0
            ? new CsvRecords([], errors)
            : new CsvRecords([.. records.Select(r => new CsvRecord(r.Row, r.Fields))], []);
    }

    /// <summary>One JSON object per row, keyed by the header's column names (or column1, column2, … without a header).</summary>
    public static CsvResult Read(string text, char delimiter, bool headerRow)
    {
        var (records, errors) = ReadRecords(text, delimiter);
        if (errors.Count > 0 || records.Count == 0)
        {
            return new CsvResult([], errors);
        }

        var problems = new List<CsvError>();
        string[] columns;
        var start = 0;
        if (headerRow)
        {
            columns = [.. records[0].Fields.Select(f => f.Trim())];
            for (var i = 0; i < columns.Length; i++)
            {
                if (columns[i].Length == 0)
                {
                    problems.Add(new CsvError(records[0].Row, i + 1, "the header names no column here"));
                }
                else if (Array.IndexOf(columns, columns[i]) < i)
                {
                    problems.Add(new CsvError(records[0].Row, i + 1, $"the header names the column '{columns[i]}' twice"));
                }
            }

            start = 1;
        }
        else
        {
            columns = [.. Enumerable.Range(1, records[0].Fields.Count).Select(i => $"column{i}")];
        }

        var rows = new JsonArray();
        for (var r = start; r < records.Count && problems.Count < MaxErrors; r++)
        {
            var (row, fields) = records[r];
            if (fields.Count != columns.Length)
            {
                problems.Add(new CsvError(row, Math.Min(fields.Count, columns.Length) + 1, $"the row has {fields.Count} fields where the header has {columns.Length}"));
                continue;
            }

            var item = new JsonObject();
            for (var c = 0; c < columns.Length; c++)
            {
                item[columns[c]] = fields[c];
            }

            rows.Add(item);
        }

        return problems.Count > 0 ? new CsvResult([], problems) : new CsvResult(rows, []);
    }

    private static void Parse(string text, char delimiter, List<(int Row, List<string> Fields)> records, List<CsvError> errors)
    {
        var field = new StringBuilder();
        var fields = new List<string>();
        var row = 1;
        var recordStartRow = 1;
        var i = 0;
        while (i <= text.Length && errors.Count < MaxErrors)
        {
            var atEnd = i == text.Length;
            if (!atEnd && text[i] == '"' && field.Length == 0)
            {
                // Quoted field: up to the closing quote, doubled quotes are one quote.
                var quoteRow = row;
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    if (text[i] == '\n')
                    {
                        row++;
                    }

                    field.Append(text[i++]);
                }

                if (!closed)
                {
                    errors.Add(new CsvError(quoteRow, fields.Count + 1, "a quoted field is never closed"));
                    return;
                }

                if (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                {
                    errors.Add(new CsvError(row, fields.Count + 1, $"unexpected '{text[i]}' after a closing quote; a quote inside a quoted field is written twice (\"\")"));
                    SkipLine(text, ref i);
                    fields.Clear();
                    field.Clear();
                    row++;
                    recordStartRow = row;
                    continue;
                }

                continue;
            }

            if (atEnd || text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] == '\n')))
            {
                fields.Add(field.ToString());
                field.Clear();
                var blank = fields.Count == 1 && fields[0].Length == 0;
                if (!blank)
                {
                    records.Add((recordStartRow, [.. fields]));
                }

                fields.Clear();
                if (atEnd)
                {
                    break;
                }

                i += text[i] == '\r' ? 2 : 1;
                row++;
                recordStartRow = row;
                continue;
            }

            if (text[i] == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
                continue;
            }

            if (text[i] == '"')
            {
                errors.Add(new CsvError(row, fields.Count + 1, "a quote inside an unquoted field; quote the whole field and write the quote twice (\"\")"));
                SkipLine(text, ref i);
                fields.Clear();
                field.Clear();
                row++;
                recordStartRow = row;
                continue;
            }

            field.Append(text[i++]);
        }
    }

    private static void SkipLine(string text, ref int i)
    {
        while (i < text.Length && text[i] != '\n')
        {
            i++;
        }

        i++;
    }
}

/// <summary>The rows of a file (empty when it had errors) and the errors.</summary>
public sealed record CsvResult(JsonArray Rows, IReadOnlyList<CsvError> Errors);

/// <summary>The records of a file (empty when it had errors) and the errors.</summary>
public sealed record CsvRecords(IReadOnlyList<CsvRecord> Records, IReadOnlyList<CsvError> Errors);

/// <summary>One record: the 1-based row of the file where it starts, and its fields as text.</summary>
public sealed record CsvRecord(int Row, IReadOnlyList<string> Fields);

/// <summary>A problem at a 1-based row (line of the file where the record starts) and column.</summary>
public sealed record CsvError(int Row, int Column, string Message);
