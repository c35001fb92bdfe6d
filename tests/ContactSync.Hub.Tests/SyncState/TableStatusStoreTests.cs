using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Sync;
using ContactSync.Hub.SyncState;

namespace ContactSync.Hub.Tests.SyncState;

public class TableStatusStoreTests
{
    private static FieldMap Anna(string surname = "Nowak") => FieldMap.Empty.With("givenName", "Anna").With("surname", surname)
        .WithList("emails", ["anna@contoso.pl"]).WithList("syncTags", ["t1", "t2"]);

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task A_row_with_a_pending_conflict_and_a_long_base_survives_the_round_trip(bool azurite)
    {
        var key = new SyncKey(TestTables.NewTenant(), "anna", "contacts");
        var store = new TableStatusStore(await TestTables.CreateAsync(azurite), key);
        var longBase = Anna().With("notes", new string('x', 70_000)); // three properties' worth
        var conflict = new PendingConflict("W/\"h2\"", "ck-2", Anna("Kowalska"), Anna("Wiśniewska"), Anna("Wiśniewska").With("jobTitle", "CEO"),
            [new ConflictField("surname", "Nowak", "Kowalska", "Wiśniewska")]);
        var row = StatusRow.Synced("hub/1#?", "AAMkAD=remote", "W/\"h1\"", "ck-1", longBase) with { Conflict = conflict };
        await store.SaveAsync(row);
        await store.SaveAsync(StatusRow.Synced("plain", "r2", "v", "rv", Anna()));

        var loaded = (await store.LoadAsync()).Single(r => r.HubId == "hub/1#?");
        Assert.Equal((row.RemoteId, row.HubVersion, row.RemoteVersion, row.Hash), (loaded.RemoteId, loaded.HubVersion, loaded.RemoteVersion, loaded.Hash));
        Assert.Equal(longBase, loaded.Base);
        Assert.Equal((conflict.HubVersion, conflict.RemoteVersion), (loaded.Conflict!.HubVersion, loaded.Conflict.RemoteVersion));
        Assert.Equal((conflict.Hub, conflict.Remote, conflict.RemoteHeld), (loaded.Conflict.Hub, loaded.Conflict.Remote, loaded.Conflict.RemoteHeld));
        Assert.Equal(conflict.Fields, loaded.Conflict.Fields);
        Assert.Equal(["hub/1#?"], (await store.LoadConflictsAsync()).Select(r => r.HubId));

        await store.SaveAsync(loaded with { Conflict = null });
        Assert.Empty(await store.LoadConflictsAsync());
        Assert.Equal(70_000, (await store.GetAsync("hub/1#?"))!.Base["notes"]!.Length);
    }

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task A_re_keyed_row_replaces_the_old_one_and_removing_twice_is_quiet(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var key = new SyncKey(TestTables.NewTenant(), "anna", "contacts");
        var store = new TableStatusStore(tables, key);
        await store.SaveAsync(StatusRow.Synced("old", "r1", "v1", "rv1", Anna()));
        await store.SaveAsync(StatusRow.Synced("new", "r1", "v2", "rv1", Anna()), replaces: "old");
        Assert.Equal(["new"], (await store.LoadAsync()).Select(r => r.HubId));
        await store.SaveAsync(StatusRow.Synced("newer", "r1", "v3", "rv1", Anna()), replaces: "gone-already");
        Assert.Equal(["new", "newer"], (await store.LoadAsync()).Select(r => r.HubId).Order());
        await store.RemoveAsync("new");
        await store.RemoveAsync("new");
        Assert.Equal(["newer"], (await store.LoadAsync()).Select(r => r.HubId));
        // Another section of the same target is another partition.
        Assert.Empty(await new TableStatusStore(tables, key with { Section = "businessContacts" }).LoadAsync());
    }

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task Tokens_live_on_the_syncstate_row_beside_the_schedule_and_lease(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var key = new SyncKey(TestTables.NewTenant(), "anna", "contacts");
        var store = new TableStatusStore(tables, key);
        Assert.Equal(SyncTokens.None, await store.LoadTokensAsync());
        var state = new SyncStateStore(tables);
        Assert.True((await state.TryAcquireAsync(key, "job-1")).Acquired);
        var longDelta = "https://graph.microsoft.com/v1.0/users/x/contactFolders/y/contacts/delta?$deltatoken=" + new string('d', 40_000);
        await store.SaveTokensAsync(new SyncTokens("42", longDelta));
        Assert.Equal(new SyncTokens("42", longDelta), await store.LoadTokensAsync());
        Assert.Equal("job-1", (await state.GetAsync(key))!.Lease!.Owner);
        await store.SaveTokensAsync(new SyncTokens("43", null));
        Assert.Equal(new SyncTokens("43", null), await store.LoadTokensAsync());
    }
}
