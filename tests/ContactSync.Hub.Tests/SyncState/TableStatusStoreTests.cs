using ContactSync.Engine.InMemory;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Sync;
using ContactSync.Hub.SyncState;

namespace ContactSync.Hub.Tests.SyncState;

public class TableStatusStoreTests
{
    private static FieldMap Anna(string surname = "Nowak") => FieldMap.Empty.With("givenName", "Anna").With("surname", surname)
        .WithList("emails", ["anna@contoso.pl"]).WithList("syncTags", ["t1", "t2"]);

    /// <summary>A real pending conflict, made by the engine over in-memory stores: both sides changed the surname.</summary>
    private static async Task<StatusRow> ConflictRowAsync()
    {
        var hub = new InMemoryItemStore("hub");
        var remote = new InMemoryItemStore("mbx");
        var status = new InMemoryStatusStore();
        var engine = new SyncEngine(hub, remote, status);
        var item = hub.UserCreate(Anna());
        await engine.RunAsync(new SyncOptions());
        var row = status.Rows.Single();
        hub.UserEdit(item.Id, Anna("Kowalska"));
        remote.UserEdit(row.RemoteId, Anna("Wiśniewska").With("jobTitle", "CEO"));
        await engine.RunAsync(new SyncOptions());
        return status.Rows.Single();
    }

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task A_row_with_a_pending_conflict_and_a_long_base_survives_the_round_trip(bool azurite)
    {
        var key = new SyncKey(TestTables.NewTenant(), "anna", "contacts");
        var store = new TableStatusStore(await TestTables.CreateAsync(azurite), key);
        var longBase = Anna().With("notes", new string('x', 70_000)); // three properties' worth
        var made = await ConflictRowAsync();
        Assert.NotNull(made.Conflict);
        var row = made with { HubId = "hub/1#?", RemoteId = "AAMkAD=remote", Base = longBase };
        await store.SaveAsync(row);
        await store.SaveAsync(StatusRow.Synced("plain", "r2", "v", "rv", Anna()));

        var loaded = (await store.LoadAsync()).Single(r => r.HubId == "hub/1#?");
        Assert.Equal((row.RemoteId, row.HubVersion, row.RemoteVersion, row.Hash), (loaded.RemoteId, loaded.HubVersion, loaded.RemoteVersion, loaded.Hash));
        Assert.Equal(longBase, loaded.Base);
        var (c, l) = (row.Conflict!, loaded.Conflict!);
        Assert.Equal((c.HubVersion, c.RemoteVersion, c.Hub, c.Remote), (l.HubVersion, l.RemoteVersion, l.Hub, l.Remote));
        Assert.Equal(c.Fields, l.Fields);
        Assert.Equal(new ConflictField("surname", "Nowak", "Kowalska", "Wiśniewska"), Assert.Single(l.Fields));
        Assert.Equal(Json(c), Json(l)); // every other part of the conflict too
        Assert.Equal(["hub/1#?"], (await store.LoadConflictsAsync()).Select(r => r.HubId));

        await store.SaveAsync(loaded with { Conflict = null });
        Assert.Empty(await store.LoadConflictsAsync());
        Assert.Equal(70_000, (await store.GetAsync("hub/1#?"))!.Base["notes"]!.Length);
    }

    private static string Json(PendingConflict c) =>
        System.Text.Json.JsonSerializer.Serialize(c with { Fields = [.. c.Fields] }, new System.Text.Json.JsonSerializerOptions
        {
            Converters = { new FieldMapText() },
        });

    private sealed class FieldMapText : System.Text.Json.Serialization.JsonConverter<FieldMap>
    {
        public override FieldMap Read(ref System.Text.Json.Utf8JsonReader reader, Type t, System.Text.Json.JsonSerializerOptions o) =>
            throw new NotSupportedException("Only written, to compare.");
        public override void Write(System.Text.Json.Utf8JsonWriter writer, FieldMap value, System.Text.Json.JsonSerializerOptions o) =>
            writer.WriteStringValue(value.ToString());
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
