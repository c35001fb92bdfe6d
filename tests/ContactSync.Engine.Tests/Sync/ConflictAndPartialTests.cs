using ContactSync.Engine.Items;
using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Tests.Sync;

public sealed class ConflictAndPartialTests
{
    [Fact]
    public async Task A_manual_conflict_waits_then_per_field_choices_give_both_sides_the_merged_item()
    {
        var h = new Harness();
        var hub = h.Hub.UserCreate(Harness.Contact("Ola", "ola@x.pl", "vip"));
        await h.SyncAsync();
        var remote = h.Remote.Items.Single();
        h.Hub.UserEdit(hub.Id, h.Hub[hub.Id]!.Item.With("jobTitle", "CEO").With("surname", "Nowakowska"));
        h.Remote.UserEdit(remote.Id, remote.Item.With("jobTitle", "Prezes").With("surname", "Kowalska").With("department", "Zarząd"));

        var report = await h.SyncAsync();
        Assert.Equal(1, report.Count(ActionKind.Conflict));
        var conflict = h.Status.Rows.Single().Conflict!;
        Assert.Equal(["jobTitle", "surname"], conflict.Fields.Select(f => f.Field));
        Assert.Equal(new ConflictField("jobTitle", null, "CEO", "Prezes"), conflict.Fields[0]);
        Assert.True((await h.PlanAsync()).IsQuiet, "the pair waits; the run goes on");
        await Assert.ThrowsAsync<ArgumentException>(() =>
            h.Engine.ResolveAsync(hub.Id, new Dictionary<string, FieldChoice> { ["jobTitle"] = new(Pick.Hub) }, h.Options));

        var resolved = await h.Engine.ResolveAsync(hub.Id, new Dictionary<string, FieldChoice>
        {
            ["jobTitle"] = new(Pick.Remote),
            ["surname"] = new(Pick.Value, "Nowak-Kowalska"),
        }, h.Options);

        Assert.Empty(resolved.Errors);
        var expected = h.Hub[hub.Id]!.Item;
        Assert.Equal(("Prezes", "Nowak-Kowalska", "Zarząd", "vip"), (expected["jobTitle"], expected["surname"], expected["department"], expected["notes"]));
        Assert.Equal(Harness.Held(expected), h.Remote.Items.Single().Item);
        Assert.Null(h.Status.Rows.Single().Conflict);
        Assert.True((await h.PlanAsync()).IsQuiet);
    }

    [Fact]
    public async Task A_conflict_is_decided_again_when_a_side_moves_before_it_is_resolved()
    {
        var h = new Harness();
        var hub = h.Hub.UserCreate(Harness.Contact("Ola", "ola@x.pl"));
        await h.SyncAsync();
        var remote = h.Remote.Items.Single();
        h.Hub.UserEdit(hub.Id, h.Hub[hub.Id]!.Item.With("jobTitle", "CEO"));
        h.Remote.UserEdit(remote.Id, remote.Item.With("jobTitle", "Prezes"));
        await h.SyncAsync();
        h.Hub.UserEdit(hub.Id, h.Hub[hub.Id]!.Item.With("jobTitle", "Prezes")); // the user settles it in the hub

        var report = await h.SyncAsync();
        Assert.Equal(1, report.Count(ActionKind.Refresh));
        Assert.Null(h.Status.Rows.Single().Conflict);
        Assert.True((await h.PlanAsync()).IsQuiet);
    }

    [Fact]
    public async Task A_partial_sync_touches_only_the_ids_the_webhook_named_and_keeps_the_tokens()
    {
        var h = new Harness();
        h.Hub.UserCreate(Harness.Contact("Ola", "ola@x.pl"));
        h.Hub.UserCreate(Harness.Contact("Jiří", "jiri@x.cz"));
        await h.SyncAsync();
        var tokens = await h.Status.LoadTokensAsync();
        var (ola, jiri) = (h.Remote.Items.Single(i => i.Item["givenName"] == "Ola"), h.Remote.Items.Single(i => i.Item["givenName"] == "Jiří"));
        h.Remote.UserEdit(ola.Id, ola.Item.With("jobTitle", "CEO"));
        h.Remote.UserEdit(jiri.Id, jiri.Item.With("jobTitle", "CTO"));

        var report = await h.Engine.RunAsync(h.Options, new PartialIds([], [ola.Id]));

        Assert.Equal(1, report.Count(ActionKind.UpdateHub));
        Assert.Equal("CEO", h.Hub.Items.Single(i => i.Item["givenName"] == "Ola").Item["jobTitle"]);
        Assert.Null(h.Hub.Items.Single(i => i.Item["givenName"] == "Jiří").Item["jobTitle"]);
        Assert.Equal(tokens, await h.Status.LoadTokensAsync());

        var full = await h.SyncAsync(); // the scheduled run picks up the rest; Ola's pair is already done
        Assert.Equal(1, full.Count(ActionKind.UpdateHub));
        Assert.Equal("CTO", h.Hub.Items.Single(i => i.Item["givenName"] == "Jiří").Item["jobTitle"]);
    }

    [Fact]
    public async Task A_partial_sync_of_a_deleted_remote_item_deletes_it_from_the_hub()
    {
        var h = new Harness();
        h.Hub.UserCreate(Harness.Contact("Ola", "ola@x.pl"));
        h.Hub.UserCreate(Harness.Contact("Jiří", "jiri@x.cz"));
        await h.SyncAsync();
        var ola = h.Remote.Items.Single(i => i.Item["givenName"] == "Ola");
        h.Remote.UserDelete(ola.Id);

        var report = await h.Engine.RunAsync(h.Options, new PartialIds([], [ola.Id]));

        Assert.Equal(1, report.Count(ActionKind.DeleteHub));
        Assert.Equal(["Jiří"], h.Hub.Items.Select(i => i.Item["givenName"]));
    }
}
