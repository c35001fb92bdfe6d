using ContactSync.Engine.Items;
using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Tests.Sync;

public sealed class ScopeTests
{
    private static readonly FieldMap Item = FieldMap.Empty.WithList("categories", ["Klienci", "VIP"])
        .With("classification", "Customers/Poland/Warsaw").WithList(Scope.SyncTagsField, ["anna@firma.pl"])
        .With("start", "2026-11-20T09:00:00Z").With("end", "2026-11-20T10:00:00Z");

    [Theory]
    [InlineData("anna@firma.pl", null, null, true)]
    [InlineData("jan@firma.pl", null, null, false)]
    [InlineData(null, "VIP", null, true)]
    [InlineData(null, "Partners", null, false)]
    [InlineData(null, null, "Customers/Poland", true)]
    [InlineData(null, null, "customers/poland/warsaw", true)]
    [InlineData(null, null, "Customers/Pol", false)]
    [InlineData(null, null, "Customers/Germany", false)]
    public void Tags_categories_and_classification_branches_select_items(string? tag, string? category, string? branch, bool matches) =>
        Assert.Equal(matches, new Scope(tag, category is null ? null : new HashSet<string> { category }, branch).Matches(Item));

    [Theory]
    [InlineData("2026-11-06T00:00:00Z", "2026-12-21T00:00:00Z", true)]  // 14 days back, 31 ahead
    [InlineData("2026-11-20T09:30:00Z", null, true)]                    // still running at the window's start
    [InlineData("2026-11-21T00:00:00Z", null, false)]
    [InlineData(null, "2026-11-20T09:00:00Z", false)]
    public void Events_are_in_scope_when_they_overlap_the_window(string? from, string? to, bool matches) =>
        Assert.Equal(matches, new Scope(WindowStart: from is null ? null : DateTimeOffset.Parse(from),
            WindowEnd: to is null ? null : DateTimeOffset.Parse(to)).Matches(Item));

    [Fact]
    public void Stamping_brings_an_imported_item_into_the_scope()
    {
        var scope = new Scope("anna@firma.pl", ClassificationBranch: "Customers/Poland");
        var imported = FieldMap.Empty.With("givenName", "Ola");
        Assert.False(scope.Matches(imported));
        Assert.True(scope.Matches(scope.Stamp(imported)));
        Assert.Equal(scope.Stamp(imported), scope.Stamp(scope.Stamp(imported)));
    }

    [Fact]
    public async Task A_remote_item_outside_the_chosen_categories_is_skipped_with_the_reason_and_not_imported()
    {
        var h = new Harness();
        h.Options = h.Options with { Scope = new Scope(Categories: new HashSet<string> { "Klienci" }) };
        var outside = h.Remote.UserCreate(FieldMap.Empty.With("givenName", "Ewa").WithList("categories", ["Prywatne"]));
        h.Remote.UserCreate(FieldMap.Empty.With("givenName", "Ola").WithList("categories", ["Klienci"]));

        var report = await h.SyncAsync();

        var skip = Assert.Single(report.Skipped);
        Assert.Equal((outside.Id, "outside the target's scope"), (skip.RemoteId, skip.Reason));
        Assert.Equal(["Ola"], h.Hub.Items.Select(i => i.Item["givenName"]));
        Assert.True((await h.PlanAsync()).IsQuiet);
    }
}
