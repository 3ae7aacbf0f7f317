namespace ServicesSync.Templates.Tests.Cases;

/// <summary>The harness's own 'order' check: a template's promised sequence must really be proven.</summary>
public sealed class WriteOrderTests
{
    private static readonly string[] TimeThenEmployee = ["PUT /timebill/", "PUT /employee/"];

    [Fact]
    public void Check_GroupsArriveInTheListedOrder_NoProblem()
        => Assert.Empty(WriteOrder.Check(["PUT /timebill/2", "PUT /plans/1", "PUT /timebill/1", "PUT /employee/7"], TimeThenEmployee, "order"));

    [Fact]
    public void Check_LaterGroupBeforeAnEarlierOne_NamesBothWrites()
    {
        var problem = Assert.Single(WriteOrder.Check(["PUT /timebill/1", "PUT /employee/7", "PUT /timebill/2"], TimeThenEmployee, "order"));

        Assert.Contains("'PUT /timebill/2' arrived after 'PUT /employee/7'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PrefixWithoutAnyWrite_IsAProblem()
        => Assert.Contains("no write starts with 'PUT /timebill/'", Assert.Single(WriteOrder.Check(["PUT /employee/7"], TimeThenEmployee, "order")), StringComparison.Ordinal);
}
