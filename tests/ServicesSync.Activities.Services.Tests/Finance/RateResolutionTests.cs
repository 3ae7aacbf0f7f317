using ServicesSync.Activities.Services.Finance;
using ServicesSync.Canonical;
using static ServicesSync.Activities.Services.Tests.Finance.FinanceMother;

namespace ServicesSync.Activities.Services.Tests.Finance;

/// <summary>Most-specific-rate-wins: worker + task, worker, role + task, role, default; project, customer, default card.</summary>
public class RateResolutionTests
{
    private static readonly RateCardLine[] AllLevels =
    [
        ForWorker(Ada, 250, Migration),
        ForWorker(Ada, 240),
        Role("Consultant", 230, Migration),
        Role("Consultant", 220),
        Default(210),
    ];

    [Theory]
    [InlineData(0, 250, RateLevel.WorkerTask)]
    [InlineData(1, 240, RateLevel.Worker)]
    [InlineData(2, 230, RateLevel.RoleTask)]
    [InlineData(3, 220, RateLevel.Role)]
    [InlineData(4, 210, RateLevel.Default)]
    public void Resolve_TheMostSpecificRemainingLevelWins(int firstKept, decimal rate, RateLevel level)
    {
        var card = Card(RateCardScopeKind.Customer, "levels", Version(Day(1, 1), null, [.. AllLevels.Skip(firstKept)]));

        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [card] });

        Assert.Empty(result.Errors);
        var line = Assert.Single(result.Lines);
        Assert.Equal(rate, line.Rate!.Rate.Amount);
        Assert.Equal(level, line.Rate.Level);
        Assert.Equal("levels", line.Rate.CardId);
    }

    [Fact]
    public void Resolve_ALineForAnotherTaskOrWorkerDoesNotMatch()
    {
        var card = Card(RateCardScopeKind.Customer, "c", Version(Day(1, 1), null, ForWorker(Ada, 250, new ExternalRef("jira", "ACME-1")), ForWorker(new ExternalRef("jira", "bob"), 240), Default(100)));

        var line = Assert.Single(Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [card] }).Lines);

        Assert.Equal(RateLevel.Default, line.Rate!.Level);
    }

    [Fact]
    public void Resolve_WorkerLinesMatchAnyOfTheWorkersIds()
    {
        var card = Card(RateCardScopeKind.Customer, "c", Version(Day(1, 1), null, ForWorker(AdaInHr, 245), Default(100)));

        var line = Assert.Single(Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [card] }).Lines);

        Assert.Equal(245, line.Rate!.Rate.Amount);
    }

    [Fact]
    public void Resolve_ProjectCardBeatsCustomerCardBeatsDefaultCard()
    {
        var project = Card(RateCardScopeKind.Project, "project", Version(Day(1, 1), null, Default(300)));
        var customer = Card(RateCardScopeKind.Customer, "customer", Version(Day(1, 1), null, Default(200)));
        var fallback = Card(RateCardScopeKind.Default, "default", Version(Day(1, 1), null, Default(100)));

        Assert.Equal("project", Rate([fallback, customer, project]).CardId);
        Assert.Equal("customer", Rate([fallback, customer]).CardId);
        Assert.Equal("default", Rate([fallback]).CardId);
    }

    [Fact]
    public void Resolve_ACardWithoutAMatchingLineFallsThroughToTheNextScope()
    {
        var project = Card(RateCardScopeKind.Project, "project", Version(Day(1, 1), null, Role("Architect", 300)));
        var customer = Card(RateCardScopeKind.Customer, "customer", Version(Day(1, 1), null, Role("Consultant", 200)));

        var rate = Rate([project, customer]);

        Assert.Equal(("customer", 200m, RateLevel.Role), (rate.CardId, rate.Rate.Amount, rate.Level));
    }

    [Fact]
    public void Resolve_ACardOfAnotherProjectOrCustomerDoesNotApply()
    {
        var other = new RateCard { Id = "other", Scope = new RateCardScope(RateCardScopeKind.Customer, new ExternalRef("netsuite", "customer:999")), Currency = "USD", Versions = [Version(Day(1, 1), null, Default(999))] };

        Assert.Equal("acme-2026", Rate([other, CustomerCard()]).CardId);
    }

    [Fact]
    public void Resolve_RoleComesFromTheEntryThenTheAssignmentThenTheWorker()
    {
        Assert.Equal(180, Assert.Single(Validate(Entry("1", Day(3, 2), 3600)).Lines).Rate!.Rate.Amount);
        Assert.Equal(200, Assert.Single(Validate(Entry("1", Day(3, 2), 3600), r => r with { Assignments = [Assignment(role: "Architect")] }).Lines).Rate!.Rate.Amount);
        Assert.Equal(150, Assert.Single(Validate(Entry("1", Day(3, 2), 3600, e => e with { Role = "Trainee" }), r => r with { Assignments = [Assignment(role: "Architect")] }).Lines).Rate!.Rate.Amount);
    }

    [Fact]
    public void Resolve_EntryOverrideWinsWhereTheProjectAllowsIt()
    {
        var entry = Entry("1", Day(3, 2), 3600, e => e with { RateOverride = new Money(99, "USD") });

        var allowed = Validate(entry, r => r with { Project = Project(p => p with { AllowRateOverride = true }) });
        var refused = Validate(entry);

        Assert.Equal((99m, RateLevel.Override), (allowed.Lines[0].Rate!.Rate.Amount, allowed.Lines[0].Rate!.Level));
        Assert.Equal(180, refused.Lines[0].Rate!.Rate.Amount);
        Assert.Equal([RateCardRules.RateOverride], refused.WarningRules());
        Assert.Empty(refused.Errors);
    }

    [Fact]
    public void Resolve_OverrideInAnotherCurrency_IsAnError()
    {
        var entry = Entry("1", Day(3, 2), 3600, e => e with { RateOverride = new Money(99, "EUR") });

        var result = Validate(entry, r => r with { Project = Project(p => p with { AllowRateOverride = true }) });

        Assert.Equal([RateCardRules.RateOverride], result.ErrorRules());
        Assert.Null(result.Lines[0].Rate);
    }

    [Fact]
    public void Resolve_TwoLinesOnTheSameLevel_AreAmbiguousNeverPicked()
    {
        var card = Card(RateCardScopeKind.Customer, "c", Version(Day(1, 1), null, Role("Consultant", 180), Role("Consultant", 185)));

        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [card] });

        Assert.Equal([RateCardRules.RateAmbiguous, RateCardRules.RateAmbiguous], result.ErrorRules());
        Assert.Contains("has 2 lines for role 'Consultant'", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("Rate card 'c' has 2 role rates that match this entry; exactly one may.", result.Errors[1].Message);
        Assert.Null(result.Lines[0].Rate);
    }

    [Fact]
    public void Resolve_TwoCardsOfTheSameScope_AreAmbiguous()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [CustomerCard(), CustomerCard() with { Id = "acme-bis" }] });

        Assert.Contains(RateCardRules.CardAmbiguous, result.ErrorRules());
    }

    [Fact]
    public void Resolve_NoMatchingRate_IsAnErrorNamingWorkerRoleAndDate()
    {
        var card = Card(RateCardScopeKind.Customer, "c", Version(Day(1, 1), null, Role("Architect", 200)));

        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [card] });

        var error = Assert.Single(result.Errors);
        Assert.Equal(RateCardRules.RateMissing, error.Rule);
        Assert.Equal("jira:1", error.Source);
        Assert.Equal("No rate card has a rate for worker jira:ada in role 'Consultant' on 2026-03-02.", error.Message);
    }

    [Fact]
    public void Cards_ATaskLineWithoutWorkerOrRole_IsRefused()
    {
        var card = Card(RateCardScopeKind.Customer, "c", Version(Day(1, 1), null, new RateCardLine { Task = Migration, Rate = 10 }, Default(100)));

        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [card] });

        Assert.Equal([RateCardRules.CardVersions], result.ErrorRules());
    }

    private static ResolvedRate Rate(IReadOnlyList<RateCard> cards)
    {
        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = cards });
        Assert.Empty(result.Errors);
        return Assert.Single(result.Lines).Rate!;
    }
}
