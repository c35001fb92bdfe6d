using ContactSync.Engine.InMemory;
using ContactSync.Engine.Items;
using ContactSync.Hub.Backups;
using ContactSync.Hub.Tests.SyncState;

namespace ContactSync.Hub.Tests.Backups;

public sealed class RestoreTests
{
    [Fact]
    public async Task A_restore_after_the_device_lost_its_contacts_brings_back_exactly_the_snapshot()
    {
        var store = new SnapshotStore(await TestTables.InMemoryAsync());
        var tenant = TestTables.NewTenant();
        var device = BackupSamples.Device();
        var expected = BackupSamples.Contents(device);
        var snapshot = await store.TakeAsync(tenant, "phone", device, Snapshot.Scheduled);
        foreach (var id in device.Items.Select(i => i.Id).ToList()) device.UserDelete(id);

        var result = await SnapshotRestore.RunAsync(await store.ItemsAsync(snapshot), device, sameTarget: true, RestoreMode.Exact);

        Assert.Empty(result.Report.Errors);
        Assert.Null(result.Report.StoppedBy);
        // Markers included: the hub's copies carry their hub marker again, so the next business-contacts sync links them;
        // the user's own come back unmarked (their old remote id as a marker would make that sync delete them).
        Assert.Equal(expected, BackupSamples.Contents(device));
        Assert.Equal(["hub-1", "hub-2", "hub-3"], device.Items.Select(i => i.Marker).OfType<string>().Order());
    }

    [Fact]
    public async Task Only_what_differs_is_written_and_exact_removes_what_the_snapshot_lacks_while_additive_keeps_it()
    {
        var store = new SnapshotStore(await TestTables.InMemoryAsync());
        var tenant = TestTables.NewTenant();
        var device = BackupSamples.Device();
        var expected = BackupSamples.FieldsOnly(device);
        var contents = BackupSamples.Contents(device);
        var items = await store.ItemsAsync(await store.TakeAsync(tenant, "phone", device, Snapshot.Scheduled));
        var zoe = device.Items.Single(i => i.Marker == "hub-1");
        device.UserEdit(zoe.Id, zoe.Item.With(ContactFields.Surname, "Nowak"));
        device.UserDelete(device.Items.Single(i => i.Item[ContactFields.GivenName] == "Søren").Id);
        device.UserCreate(BackupSamples.Contact("Nowy", "Kontakt", "nowy@example.com"));
        var writesBefore = device.AcceptedWrites;

        var additive = await SnapshotRestore.RunAsync(items, device, sameTarget: true, RestoreMode.Additive);

        Assert.Equal(2, device.AcceptedWrites - writesBefore); // one update, one re-create: the three equal items untouched
        Assert.Equal(0, additive.Removed);
        Assert.Equal(expected.Append(BackupSamples.Contact("Nowy", "Kontakt", "nowy@example.com").ToString()).Order(StringComparer.Ordinal),
            BackupSamples.FieldsOnly(device));

        var exact = await SnapshotRestore.RunAsync(items, device, sameTarget: true, RestoreMode.Exact);

        // Søren, re-created unmarked by the additive restore, is found again by his e-mail: only Nowy goes.
        Assert.Equal(1, exact.Removed);
        Assert.Equal(expected, BackupSamples.FieldsOnly(device));
        Assert.Equal(contents, BackupSamples.Contents(device));
        // A target that already equals the snapshot gets no write at all.
        var writes = device.AcceptedWrites;
        var again = await SnapshotRestore.RunAsync(items, device, sameTarget: true, RestoreMode.Exact);
        Assert.Equal(0, again.Removed);
        Assert.Equal(writes, device.AcceptedWrites);
    }

    [Fact]
    public async Task A_contact_with_no_email_or_phone_re_created_by_an_earlier_restore_is_found_again_not_doubled()
    {
        var store = new SnapshotStore(await TestTables.InMemoryAsync());
        var tenant = TestTables.NewTenant();
        var device = BackupSamples.Device();
        device.UserCreate(FieldMap.Empty.With(ContactFields.DisplayName, "Pizzeria Roma").With(ContactFields.Notes, "the one by the station"));
        var contents = BackupSamples.Contents(device);
        var items = await store.ItemsAsync(await store.TakeAsync(tenant, "phone", device, Snapshot.OnDemand));
        device.UserDelete(device.Items.Single(i => i.Item[ContactFields.DisplayName] == "Pizzeria Roma").Id);
        await SnapshotRestore.RunAsync(items, device, sameTarget: true, RestoreMode.Additive); // back under a new id
        var writes = device.AcceptedWrites;

        var exact = await SnapshotRestore.RunAsync(items, device, sameTarget: true, RestoreMode.Exact);

        Assert.Equal(0, exact.Removed);
        Assert.Equal(writes, device.AcceptedWrites); // linked by its content: nothing created, nothing removed
        Assert.Equal(contents, BackupSamples.Contents(device));
    }

    [Fact]
    public async Task A_restore_to_another_target_copies_the_snapshot_and_links_its_existing_contacts_by_email()
    {
        var store = new SnapshotStore(await TestTables.InMemoryAsync());
        var tenant = TestTables.NewTenant();
        var device = BackupSamples.Device();
        var items = await store.ItemsAsync(await store.TakeAsync(tenant, "phone", device, Snapshot.OnDemand));
        var other = new InMemoryItemStore("tablet");
        other.UserCreate(BackupSamples.Contact("Ewa", "Żółkiewska", "ewa@example.com").With(ContactFields.JobTitle, "old"));

        await SnapshotRestore.RunAsync(items, other, sameTarget: false, RestoreMode.Additive);

        // Markers included: the hub's copies are the hub's on the other target too; Søren is created unmarked, Ewa linked.
        Assert.Equal(BackupSamples.Contents(device), BackupSamples.Contents(other));
    }
}
