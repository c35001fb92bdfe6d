using ContactSync.Engine.Items;
using ContactSync.Hub.Backups;
using ContactSync.Hub.Tests.Support;
using ContactSync.Hub.Tests.SyncState;

namespace ContactSync.Hub.Tests.Backups;

public sealed class RetentionAndDiffTests
{
    public static TheoryData<bool> Both => TestTables.Both;

    [Theory, MemberData(nameof(Both))]
    public async Task Retention_keeps_the_newest_and_drops_the_oldest_with_their_items(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var tenant = TestTables.NewTenant();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = new SnapshotStore(tables, clock);
        var device = BackupSamples.Device();
        var taken = new List<Snapshot>();
        for (var day = 0; day < 4; day++)
        {
            taken.Add(await store.TakeAsync(tenant, "phone", device, Snapshot.Scheduled));
            clock.Now += TimeSpan.FromDays(1);
        }

        var removed = await store.PruneAsync(tenant, "phone", keepLast: 2);

        Assert.Equal([taken[1].SnapshotId, taken[0].SnapshotId], removed);
        Assert.Equal([taken[3].SnapshotId, taken[2].SnapshotId], (await store.ListAsync(tenant, "phone")).Select(s => s.SnapshotId));
        Assert.Equal(10, await SnapshotStoreTests.ItemRowsAsync(tables, tenant, "phone"));
        Assert.Null(await store.GetAsync(tenant, "phone", taken[0].SnapshotId));
        Assert.Equal(5, (await store.ItemsAsync((await store.GetAsync(tenant, "phone", taken[2].SnapshotId))!)).Count);
    }

    [Fact]
    public async Task A_diff_lists_added_changed_with_their_fields_and_removed_items()
    {
        var store = new SnapshotStore(await TestTables.InMemoryAsync());
        var tenant = TestTables.NewTenant();
        var device = BackupSamples.Device();
        var before = await store.TakeAsync(tenant, "phone", device, Snapshot.Scheduled);
        var zoe = device.Items.Single(i => i.Marker == "hub-1");
        var soren = device.Items.Single(i => i.Item[ContactFields.GivenName] == "Søren");
        var ewa = device.Items.Single(i => i.Item[ContactFields.GivenName] == "Ewa");
        device.UserEdit(zoe.Id, zoe.Item.With(ContactFields.JobTitle, "Inżynier").With(ContactFields.Surname, "Nowak"));
        device.UserDelete(soren.Id);
        device.UserDelete(device.Items.Single(i => i.Marker == "hub-2").Id);
        device.UserCreate(BackupSamples.Contact("Jürgen", "Müller", "jurgen@example.com"), marker: "hub-2"); // re-created: same hub item
        device.UserCreate(BackupSamples.Contact("Nowy", "Kontakt", "nowy@example.com"));
        var after = await store.TakeAsync(tenant, "phone", device, Snapshot.OnDemand);

        var diff = SnapshotDiff.Between(await store.ItemsAsync(before), await store.ItemsAsync(after));

        Assert.Equal(["Nowy"], diff.Added.Select(i => i.Fields[ContactFields.GivenName]));
        Assert.Equal(["Søren"], diff.Removed.Select(i => i.Fields[ContactFields.GivenName]));
        var changed = Assert.Single(diff.Changed);
        Assert.Equal("m:hub-1", changed.Key);
        Assert.Equal(
            [new FieldChange(ContactFields.JobTitle, null, "Inżynier"), new FieldChange(ContactFields.Surname, "Łukasiewicz", "Nowak")],
            changed.Fields);
        Assert.DoesNotContain(diff.Changed, c => c.Key == "r:" + ewa.Id);
    }
}
