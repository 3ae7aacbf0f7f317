using ServicesSync.Text;

namespace ServicesSync.Runtime.Tests.Text;

public sealed class CsvReaderTests
{
    [Fact]
    public void Read_WithHeader_GivesOneObjectPerRowKeyedByColumn()
    {
        var result = CsvReader.Read("worker,hours,note\r\nW-1,7.5,\"late, but \"\"approved\"\"\"\nW-2,8,\"two\nlines\"\n\n", ',', headerRow: true);

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("W-1", result.Rows[0]!["worker"]!.GetValue<string>());
        Assert.Equal("late, but \"approved\"", result.Rows[0]!["note"]!.GetValue<string>());
        Assert.Equal("two\nlines", result.Rows[1]!["note"]!.GetValue<string>());
        Assert.Equal("8", result.Rows[1]!["hours"]!.GetValue<string>());
    }

    [Fact]
    public void Read_WithoutHeader_NamesColumnsByPosition()
    {
        var result = CsvReader.Read("W-1;7.5\nW-2;8", ';', headerRow: false);

        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("7.5", result.Rows[0]!["column2"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\n", 3, 2, "1 fields where the header has 2")]
    [InlineData("a,b\n1,\"open\n", 2, 2, "never closed")]
    [InlineData("a,b\n1,x\"y\n", 2, 2, "quote inside an unquoted field")]
    [InlineData("a,b\n\"1\"x,2\n", 2, 1, "after a closing quote")]
    [InlineData("a,a\n1,2\n", 1, 2, "names the column 'a' twice")]
    [InlineData("a,,c\n1,2,3\n", 1, 2, "names no column")]
    public void Read_Malformed_NamesRowAndColumn_AndGivesNoRows(string text, int row, int column, string message)
    {
        var result = CsvReader.Read(text, ',', headerRow: true);

        Assert.Empty(result.Rows);
        var error = result.Errors[0];
        Assert.Equal((row, column), (error.Row, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
