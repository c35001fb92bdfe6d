using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Tests.Sync;

/// <summary>The planner alone: rows and listings in, actions out, no store.</summary>
public sealed class PlannerTests
{
    private static readonly SyncOptions Options = new() { Projection = TestProjection.Instance, MatchKeys = TestProjection.EmailKeys };
    private static readonly FieldMap Ola = Harness.Contact("Ola", "ola@x.pl", "vip");

    private static SideView View(bool full, params StoredItem[] items) =>
        new(new ChangeSet(items.Select(i => new ItemVersion(i.Id, i.Version)).ToList(), [], full, null), items);

    private static StatusRow Row(string n) => StatusRow.Synced($"h{n}", $"r{n}", "1", "1", Ola.With("givenName", n));

    [Fact]
    public void Unchanged_pairs_in_a_full_listing_plan_nothing()
    {
        var rows = Enumerable.Range(0, 1000).Select(i => Row($"{i}")).ToList();
        var hub = new SideView(new ChangeSet(rows.Select(r => new ItemVersion(r.HubId, "1")).ToList(), [], true, null), []);
        var remote = new SideView(new ChangeSet(rows.Select(r => new ItemVersion(r.RemoteId, "1")).ToList(), [], true, null), []);
        Assert.Empty(Planner.Plan(rows, hub, remote, Options).Actions);
    }

    [Fact]
    public void A_version_that_moved_with_the_same_content_only_refreshes_the_row()
    {
        var row = Row("1");
        var plan = Planner.Plan([row], View(false, new StoredItem("h1", "2", row.Base)), View(false), Options);
        var action = Assert.Single(plan.Actions);
        Assert.Equal(ActionKind.Refresh, action.Kind);
        Assert.False(action.Writes);
    }

    [Fact]
    public void A_value_the_remote_cannot_hold_is_not_read_as_a_deletion()
    {
        var row = Row("1"); // the base has notes, which the remote never holds
        var remoteCopy = new StoredItem("r1", "2", Harness.Held(row.Base));
        var plan = Planner.Plan([row], View(false), View(false, remoteCopy), Options);
        Assert.Equal(ActionKind.Refresh, Assert.Single(plan.Actions).Kind);
    }

    [Fact]
    public void A_hub_edit_the_remote_cannot_see_writes_only_the_row()
    {
        var row = Row("1");
        var plan = Planner.Plan([row], View(false, new StoredItem("h1", "2", row.Base.With("notes", "new notes"))), View(false), Options);
        var action = Assert.Single(plan.Actions);
        Assert.Equal((ActionKind.Refresh, Write.None), (action.Kind, action.Remote));
    }

    [Fact]
    public void First_sync_links_by_the_first_match_key_of_the_hub_item()
    {
        var hub = new StoredItem("h1", "1", Ola.WithList("emails", ["ola@x.pl", "o.nowak@x.pl"]));
        var byFirst = new StoredItem("r2", "1", Harness.Held(Ola).WithList("emails", ["OLA@x.pl"]));
        var bySecond = new StoredItem("r1", "1", Harness.Held(Ola).WithList("emails", ["o.nowak@x.pl"]));
        var plan = Planner.Plan([], View(true, hub), View(true, bySecond, byFirst), Options with { Policy = ConflictPolicy.HubWins });
        var link = Assert.Single(plan.Actions, a => a.Kind == ActionKind.Link);
        Assert.Equal(("h1", "r2"), (link.HubId, link.RemoteId));
        Assert.Equal("r1", Assert.Single(plan.Actions, a => a.Kind == ActionKind.CreateHub).RemoteId);
    }

    [Fact]
    public void A_remote_item_carrying_a_hub_ids_marker_is_linked_not_imported()
    {
        var hub = new StoredItem("h1", "1", Ola);
        var copy = new StoredItem("r9", "1", Harness.Held(Ola), Marker: "h1");
        var plan = Planner.Plan([], View(true, hub), View(true, copy), Options with { MatchKeys = null });
        var link = Assert.Single(plan.Actions);
        Assert.Equal((ActionKind.Link, "h1", "r9", false), (link.Kind, link.HubId, link.RemoteId, link.Writes));
    }

    [Fact]
    public void Export_leaves_the_users_own_remote_items_alone()
    {
        var own = new StoredItem("r1", "1", Harness.Held(Harness.Contact("Ewa", "ewa@x.pl")));
        var plan = Planner.Plan([], View(true), View(true, own), Options with { Direction = SyncDirection.Export });
        Assert.Empty(plan.Actions);
    }
}
