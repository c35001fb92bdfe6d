using ContactSync.Engine.InMemory;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Sync;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Tests.SyncState;

namespace ContactSync.Hub.Tests.HubItems;

/// <summary>The engine over the hub's table stores (items, change feed, status rows, tokens) and an in-memory mailbox:
/// both directions converge, a second run writes nothing, and a manual conflict is kept and resolved.</summary>
public class HubSyncRoundTripTests
{
    private static FieldMap Person(int n, string tag = "anna") => FieldMap.Empty.With("displayName", $"Osoba {n}")
        .WithList("emails", [$"osoba{n}@example.pl"]).WithList("syncTags", [tag]);

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task Two_way_over_the_table_stores_converges_and_a_second_run_is_quiet(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var tenant = TestTables.NewTenant();
        var hub = new TableHubContactStore(tables, tenant);
        var remote = new InMemoryItemStore("mbx");
        var status = new TableStatusStore(tables, new SyncKey(tenant, "anna", "contacts"));
        var engine = new SyncEngine(hub, remote, status);
        var options = new SyncOptions { Scope = new Scope(SyncTag: "anna") };
        var created = new List<ItemVersion>();
        for (var i = 0; i < 6; i++) created.Add(await hub.CreateAsync(Person(i), $"local-{i}"));
        await hub.CreateAsync(Person(99, tag: "jan"), "not-for-anna");

        var first = await engine.RunAsync(options);
        Assert.Equal(6, first.Count(ActionKind.CreateRemote));
        Assert.Equal(6, remote.Items.Count);
        Assert.DoesNotContain((await engine.PlanAsync(options)).Actions, a => a.Kind != ActionKind.Skip);
        Assert.Equal(0, (await engine.RunAsync(options)).Counts.Values.Sum());

        // A user edits in the mailbox; the hub edits another contact; both edit a third one's surname.
        var byHub = (await status.LoadAsync()).ToDictionary(r => r.HubId);
        remote.UserEdit(byHub[created[0].Id].RemoteId, remote[byHub[created[0].Id].RemoteId]!.Item.With("jobTitle", "CFO"));
        await hub.UpdateAsync(created[1].Id, created[1].Version, Person(1).With("jobTitle", "CTO"));
        var c2 = (await hub.GetManyAsync([created[2].Id])).Single();
        await hub.UpdateAsync(c2.Id, c2.Version, c2.Item.With("surname", "Hubowa"));
        remote.UserEdit(byHub[c2.Id].RemoteId, remote[byHub[c2.Id].RemoteId]!.Item.With("surname", "Skrzynkowa"));

        var second = await engine.RunAsync(options);
        Assert.Equal((1, 1, 1), (second.Count(ActionKind.UpdateHub), second.Count(ActionKind.UpdateRemote), second.Count(ActionKind.Conflict)));
        Assert.Equal("CFO", (await hub.GetManyAsync([created[0].Id])).Single().Item["jobTitle"]);
        var conflict = Assert.Single(await status.LoadConflictsAsync());
        Assert.Equal(new ConflictField("surname", null, "Hubowa", "Skrzynkowa"), Assert.Single(conflict.Conflict!.Fields));

        await engine.ResolveAsync(c2.Id, new Dictionary<string, FieldChoice> { ["surname"] = new FieldChoice(Pick.Remote) }, options);
        Assert.Empty(await status.LoadConflictsAsync());
        Assert.Equal("Skrzynkowa", (await hub.GetManyAsync([c2.Id])).Single().Item["surname"]);
        await engine.RunAsync(options);
        Assert.DoesNotContain((await engine.PlanAsync(options)).Actions, a => a.Kind != ActionKind.Skip);
    }
}
