using ContactSync.Engine.Items;
using ContactSync.Hub.Backups;
using ContactSync.Hub.Tests.Support;
using ContactSync.Hub.Tests.SyncState;
using ContactSync.Storage;

namespace ContactSync.Hub.Tests.Backups;

public sealed class SnapshotStoreTests
{
    public static TheoryData<bool> Both => TestTables.Both;

    [Theory, MemberData(nameof(Both))]
    public async Task A_snapshot_holds_every_item_with_its_id_version_marker_and_fields(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var tenant = TestTables.NewTenant();
        var device = BackupSamples.Device();
        var store = new SnapshotStore(tables);

        var snapshot = await store.TakeAsync(tenant, "phone", device, Snapshot.OnDemand);

        Assert.Equal(5, snapshot.ItemCount);
        Assert.Equal(64, snapshot.ContentHash.Length);
        var listed = Assert.Single(await store.ListAsync(tenant, "phone"));
        Assert.Equal(snapshot, listed with { TakenAt = snapshot.TakenAt });
        var items = await store.ItemsAsync(listed);
        Assert.Equal(
            device.Items.Select(i => $"{i.Id}|{i.Version}|{i.Marker}|{i.Item}").Order(StringComparer.Ordinal),
            items.Select(i => $"{i.RemoteId}|{i.Version}|{i.Marker}|{i.Fields}").Order(StringComparer.Ordinal));
        // The same contents hash the same; a change moves the hash.
        Assert.Equal(snapshot.ContentHash, (await store.TakeAsync(tenant, "phone", device, Snapshot.Scheduled)).ContentHash);
        device.UserEdit(device.Items.First().Id, BackupSamples.Contact("Zoë", "Nowak", "zoe@example.com"));
        Assert.NotEqual(snapshot.ContentHash, (await store.TakeAsync(tenant, "phone", device, Snapshot.Scheduled)).ContentHash);
    }

    [Theory, MemberData(nameof(Both))]
    public async Task Many_and_long_items_are_written_in_batches_and_read_back_whole(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var tenant = TestTables.NewTenant();
        var notes = string.Concat(Enumerable.Repeat("Zażółć gęślą jaźń. ", 4000)); // ~76K characters: three string properties
        var items = Enumerable.Range(0, 250)
            .Select(i => new SnapshotItem($"r{i:D3}", "v1", null, BackupSamples.Contact("N", $"S{i}", $"n{i}@example.com")
                .With(ContactFields.Notes, i % 50 == 0 ? notes : null)))
            .ToList();
        var store = new SnapshotStore(tables);

        var snapshot = await store.SaveAsync(tenant, "box", items, Snapshot.Scheduled);

        var back = await store.ItemsAsync(snapshot);
        Assert.Equal(items, back);
        Assert.Equal(notes, back[50].Fields[ContactFields.Notes]);
    }

    [Fact]
    public async Task An_item_beyond_the_entity_limit_is_refused_by_name_and_nothing_is_listed()
    {
        var tables = await TestTables.InMemoryAsync();
        var tenant = TestTables.NewTenant();
        var huge = BackupSamples.Contact("Big", "Notes", "big@example.com").With(ContactFields.Notes, new string('x', 600_000));
        var store = new SnapshotStore(tables);

        var error = await Assert.ThrowsAsync<SnapshotTooLargeException>(() =>
            store.SaveAsync(tenant, "box", [new SnapshotItem("ok", "1", null, FieldMap.Empty.With("displayName", "ok")), new SnapshotItem("huge", "1", null, huge)], Snapshot.OnDemand));

        Assert.Contains("huge", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListAsync(tenant, "box"));
    }

    [Theory, MemberData(nameof(Both))]
    public async Task A_snapshot_that_failed_half_way_is_not_listed_and_its_rows_are_cleaned_up_later(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var tenant = TestTables.NewTenant();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var items = Enumerable.Range(0, 250).Select(i => new SnapshotItem($"r{i:D3}", "v1", null, BackupSamples.Contact("A", $"B{i}", $"a{i}@example.com"))).ToList();

        // The third transaction fails: two batches of items are stored, no index row.
        await Assert.ThrowsAsync<StorageException>(() =>
            new SnapshotStore(new FailingBatchStore(tables, 3), clock).SaveAsync(tenant, "phone", items, Snapshot.Scheduled));
        var store = new SnapshotStore(tables, clock);
        Assert.Empty(await store.ListAsync(tenant, "phone"));
        Assert.Equal(200, await ItemRowsAsync(tables, tenant, "phone"));

        // A snapshot may still be in progress within the hour: kept; after it, the rows go.
        Assert.Empty(await store.PruneAsync(tenant, "phone", keepLast: 7));
        Assert.Equal(200, await ItemRowsAsync(tables, tenant, "phone"));
        clock.Now += TimeSpan.FromHours(2);
        var good = await store.SaveAsync(tenant, "phone", items[..3], Snapshot.Scheduled);
        Assert.Single(await store.PruneAsync(tenant, "phone", keepLast: 7));
        Assert.Equal(3, await ItemRowsAsync(tables, tenant, "phone"));
        Assert.Equal(good, Assert.Single(await store.ListAsync(tenant, "phone")) with { TakenAt = good.TakenAt });
    }

    internal static async Task<int> ItemRowsAsync(ITableStore tables, string tenant, string target)
    {
        var n = 0;
        await foreach (var _ in tables.QueryAsync(HubTables.BackupItems, new TableQuery(TableFilter.Partition($"{tenant}|{target}")))) n++;
        return n;
    }
}
