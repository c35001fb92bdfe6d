using ContactSync.Hub.Scheduling;
using ContactSync.Hub.SyncState;
using ContactSync.Storage;

namespace ContactSync.Hub.Tests.SyncState;

public class DueIndexTests
{
    // A fixed past "now"; tests sharing an Azurite may see each other's due rows, so each looks only at its own tenant.
    private static readonly DateTimeOffset Now = new(2024, 5, 6, 12, 30, 20, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task Only_due_buckets_are_read_and_rescheduling_moves_the_entry(bool azurite)
    {
        var counting = new CountingTableStore(await TestTables.CreateAsync(azurite));
        var index = new DueIndex(counting);
        var tenant = TestTables.NewTenant();
        for (var i = 0; i < 30; i++)
            await index.ScheduleAsync(new SyncKey(tenant, $"t{i}", "contacts"), Now.AddMinutes(i < 5 ? -i : 1000 + i), "PT10M");
        // Rows of other tenants (other tests on the same Azurite) may be due too: count only this one's.
        var before = counting.RowsRead;
        var due = (await index.ReadDueAsync(Now)).Where(e => e.Key.TenantId == tenant).ToList();
        Assert.Equal(["t0", "t1", "t2", "t3", "t4"], due.Select(e => e.Key.TargetId).Order());
        if (!azurite) Assert.Equal(5, counting.RowsRead - before);

        var state = new SyncStateStore(counting);
        Assert.Equal(Now.AddMinutes(-3), (await state.GetAsync(new SyncKey(tenant, "t3", "contacts")))!.NextDue);
        await index.ScheduleAsync(new SyncKey(tenant, "t3", "contacts"), Now.AddHours(2));
        await index.ScheduleAsync(new SyncKey(tenant, "t20", "contacts"), Now.AddMinutes(-1));
        await index.ScheduleAsync(new SyncKey(tenant, "t4", "contacts"), null);
        due = [.. (await index.ReadDueAsync(Now)).Where(e => e.Key.TenantId == tenant)];
        Assert.Equal(["t0", "t1", "t2", "t20"], due.Select(e => e.Key.TargetId).Order());
        var t3 = (await state.GetAsync(new SyncKey(tenant, "t3", "contacts")))!;
        Assert.Equal((Now.AddHours(2), "PT10M"), (t3.NextDue!.Value, t3.Interval!));
        Assert.Null((await state.GetAsync(new SyncKey(tenant, "t4", "contacts")))!.NextDue);
        Assert.Null(await counting.GetAsync(HubTables.Due, DueIndex.Bucket(Now.AddMinutes(-3)), $"{tenant}|t3|contacts"));
    }

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task Two_scheduler_runs_claim_each_due_entry_once(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var index = new DueIndex(tables);
        var tenant = TestTables.NewTenant();
        var now = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(Random.Shared.Next(100_000));
        var rows = Enumerable.Range(0, 250).Select(i => DueIndex.ToEntity(new SyncKey(tenant, $"t{i:000}", "contacts"), now.AddMinutes(-(i % 3)))).ToList();
        foreach (var bucket in rows.GroupBy(r => r.PartitionKey))
            foreach (var chunk in bucket.Chunk(100))
                await tables.SubmitTransactionAsync(HubTables.Due, [.. chunk.Select(TableOperation.Insert)]);

        var runs = await Task.WhenAll(new DueIndex(tables).ClaimDueAsync(now), new DueIndex(tables).ClaimDueAsync(now));
        var mine = runs.Select(r => r.Where(e => e.Key.TenantId == tenant).Select(e => e.Key.TargetId).ToList()).ToList();
        Assert.Equal(250, mine[0].Count + mine[1].Count);
        Assert.Empty(mine[0].Intersect(mine[1]));
        Assert.DoesNotContain(await index.ReadDueAsync(now), e => e.Key.TenantId == tenant);

        // An entry re-scheduled after it was read is not claimed by the stale read.
        var key = new SyncKey(tenant, "late", "contacts");
        await index.ScheduleAsync(key, now);
        var read = (await index.ReadDueAsync(now)).Single(e => e.Key == key);
        await index.ScheduleAsync(key, now);
        Assert.False(await index.CompleteAsync(read));
        Assert.True(await index.CompleteAsync((await index.ReadDueAsync(now)).Single(e => e.Key == key)));
    }
}
