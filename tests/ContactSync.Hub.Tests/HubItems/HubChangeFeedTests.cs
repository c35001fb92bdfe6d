using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Tests.SyncState;
using ContactSync.Storage;

namespace ContactSync.Hub.Tests.HubItems;

/// <summary>The change feed behind the hub's delta token: cheap when quiet, whole under concurrent writers, and
/// tolerant of a lost feed row, a feed row without its write, and a damaged feed.</summary>
public class HubChangeFeedTests
{
    private static FieldMap Contact(int n) => FieldMap.Empty.With("displayName", $"Osoba {n}").WithList("emails", [$"osoba{n}@example.pl"]);

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task A_quiet_delta_reads_no_rows_and_a_busy_one_reads_only_the_changes(bool azurite)
    {
        var tables = new CountingTableStore(await TestTables.CreateAsync(azurite));
        var store = new TableHubContactStore(tables, TestTables.NewTenant());
        var items = new List<ItemVersion>();
        for (var i = 0; i < 30; i++) items.Add(await store.CreateAsync(Contact(i), $"m{i}"));
        var token = (await store.ListChangesAsync(null)).NextToken;

        var before = tables.RowsRead;
        var quiet = await store.ListChangesAsync(token);
        Assert.Equal((0, 0, 0), (quiet.Changed.Count, quiet.Deleted.Count, tables.RowsRead - before));

        var edited = await store.UpdateAsync(items[3].Id, items[3].Version, Contact(33));
        await store.DeleteAsync(items[4].Id, items[4].Version);
        before = tables.RowsRead;
        var delta = await store.ListChangesAsync(quiet.NextToken);
        Assert.Equal(2, tables.RowsRead - before);
        Assert.Equal([edited], delta.Changed);
        Assert.Equal([items[4].Id], delta.Deleted);
    }

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task Concurrent_writers_leave_a_whole_feed(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var tenant = TestTables.NewTenant();
        var token = (await new TableHubContactStore(tables, tenant).ListChangesAsync(null)).NextToken;
        var written = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var store = new TableHubContactStore(tables, tenant); // one per worker, as separate processes would be
            var mine = new List<ItemVersion>();
            for (var i = 0; i < 8; i++) mine.Add(await store.CreateAsync(Contact(w * 100 + i), $"w{w}-{i}"));
            return mine;
        })));
        var delta = await new TableHubContactStore(tables, tenant).ListChangesAsync(token);
        Assert.False(delta.IsFullListing);
        Assert.Equal(written.SelectMany(w => w).OrderBy(v => v.Id), delta.Changed.OrderBy(v => v.Id));
        Assert.Equal("32", delta.NextToken);
    }

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task A_lost_feed_row_is_read_from_the_counter_and_restored_by_the_next_write(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var tenant = TestTables.NewTenant();
        var store = new TableHubContactStore(tables, tenant);
        var token = (await store.ListChangesAsync(null)).NextToken;
        var a = await store.CreateAsync(Contact(1), "a");
        await tables.DeleteAsync(HubTables.HubChanges, tenant, "0000000000000000001"); // as if the process died before the append

        var delta = await store.ListChangesAsync(token);
        Assert.False(delta.IsFullListing);
        Assert.Equal([a], delta.Changed);

        var b = await new TableHubContactStore(tables, tenant).CreateAsync(Contact(2), "b"); // another writer repairs row 1 first
        Assert.Equal(a.Id, (await tables.GetAsync(HubTables.HubChanges, tenant, "0000000000000000001"))!.GetString("id"));
        var both = await store.ListChangesAsync(token);
        Assert.False(both.IsFullListing);
        Assert.Equal(new[] { a, b }.OrderBy(v => v.Id), both.Changed.OrderBy(v => v.Id));
    }

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task A_damaged_feed_or_an_unknown_token_gets_a_full_listing(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var tenant = TestTables.NewTenant();
        var store = new TableHubContactStore(tables, tenant);
        var token = (await store.ListChangesAsync(null)).NextToken;
        var a = await store.CreateAsync(Contact(1), "a");
        var b = await store.CreateAsync(Contact(2), "b");
        await store.CreateAsync(Contact(3), "c");
        await tables.DeleteAsync(HubTables.HubChanges, tenant, "0000000000000000002"); // a gap the counter cannot explain

        var listing = await store.ListChangesAsync(token);
        Assert.True(listing.IsFullListing);
        Assert.Equal(3, listing.Changed.Count);
        Assert.Equal("3", listing.NextToken);
        Assert.True((await store.ListChangesAsync("999")).IsFullListing);
        Assert.True((await store.ListChangesAsync("not-a-token")).IsFullListing);
        Assert.Contains(a, (await store.ListChangesAsync(null)).Changed);
        Assert.Contains(b, listing.Changed);
    }

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task A_feed_row_whose_write_never_landed_reads_as_the_items_current_state(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var tenant = TestTables.NewTenant();
        var store = new TableHubContactStore(tables, tenant);
        var a = await store.CreateAsync(Contact(1), "a");
        var token = (await store.ListChangesAsync(null)).NextToken;
        // Sequence 2 claims writes to "ghost" (never written) and to a (unchanged since).
        var counter = (await tables.GetAsync(HubTables.HubContacts, tenant, "~changes"))!;
        await tables.UpdateAsync(HubTables.HubContacts, new TableEntity(tenant, "~changes") { ["last"] = 3L, ["lastId"] = a.Id, ["lastDeleted"] = false }, counter.ETag!);
        await tables.UpsertAsync(HubTables.HubChanges, new TableEntity(tenant, "0000000000000000002") { ["id"] = "ghost", ["deleted"] = false });

        var delta = await store.ListChangesAsync(token);
        Assert.False(delta.IsFullListing);
        Assert.Equal([a], delta.Changed);
        Assert.Equal(["ghost"], delta.Deleted);
    }

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task Pruning_the_feed_turns_old_tokens_into_full_listings_and_keeps_new_ones_cheap(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var store = new TableHubContactStore(tables, TestTables.NewTenant());
        var old = (await store.ListChangesAsync(null)).NextToken;
        var a = await store.CreateAsync(Contact(1), "a");
        await store.CreateAsync(Contact(2), "b");
        var recent = (await store.ListChangesAsync(old)).NextToken;
        Assert.Equal(2, await store.PruneChangesAsync(DateTimeOffset.UtcNow.AddMinutes(1)));

        Assert.True((await store.ListChangesAsync(old)).IsFullListing);
        var quiet = await store.ListChangesAsync(recent);
        Assert.False(quiet.IsFullListing);
        Assert.Empty(quiet.Changed);
        var a2 = await store.UpdateAsync(a.Id, a.Version, Contact(11));
        Assert.Equal([a2], (await store.ListChangesAsync(recent)).Changed);
    }

    [Fact]
    public async Task A_contact_beyond_the_string_limit_is_refused_clearly_and_nothing_is_written()
    {
        var tables = await TestTables.InMemoryAsync();
        var store = new TableHubContactStore(tables, TestTables.NewTenant());
        var huge = Contact(1).With("notes", new string('n', 40_000));
        var e = await Assert.ThrowsAsync<ItemRejectedException>(() => store.CreateAsync(huge, "m"));
        Assert.Contains("64 KiB", e.RemoteMessage);
        Assert.Empty((await store.ListChangesAsync(null)).Changed);
    }
}
