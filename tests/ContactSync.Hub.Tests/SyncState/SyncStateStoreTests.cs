using ContactSync.Hub.SyncState;
using ContactSync.Hub.Tests.Support;

namespace ContactSync.Hub.Tests.SyncState;

public class SyncStateStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task Of_many_concurrent_acquirers_exactly_one_holds_the_lease(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var key = new SyncKey(TestTables.NewTenant(), "anna", "contacts");
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => new SyncStateStore(tables).TryAcquireAsync(key, $"job-{i}")));
        var winner = Assert.Single(results, r => r.Acquired).HeldBy!.Owner;
        Assert.All(results.Where(r => !r.Acquired), r => Assert.Equal(winner, r.HeldBy!.Owner));
        var state = new SyncStateStore(tables);
        Assert.Equal(winner, (await state.GetAsync(key))!.Lease!.Owner);

        Assert.False(await state.ReleaseAsync(key, "someone-else"));
        Assert.False((await state.TryAcquireAsync(key, "job-late")).Acquired);
        Assert.True(await state.ReleaseAsync(key, winner));
        Assert.Null((await state.GetAsync(key))!.Lease);
        Assert.True((await state.TryAcquireAsync(key, "job-late")).Acquired);
    }

    [Fact]
    public async Task A_stale_lease_is_taken_over_and_a_fresh_one_is_renewed_only_by_its_owner()
    {
        var tables = await TestTables.InMemoryAsync();
        var clock = new ManualClock(T0);
        var state = new SyncStateStore(tables, clock, TimeSpan.FromMinutes(10));
        var key = new SyncKey(TestTables.NewTenant(), "anna", "businessContacts");
        Assert.True((await state.TryAcquireAsync(key, "job-1")).Acquired);
        clock.Now = T0.AddMinutes(9);
        Assert.False((await state.TryAcquireAsync(key, "job-2")).Acquired);
        Assert.True((await state.TryAcquireAsync(key, "job-1")).Acquired); // renewal
        clock.Now = T0.AddMinutes(18);
        Assert.False((await state.TryAcquireAsync(key, "job-2")).Acquired); // renewed at 9, fresh until 19
        clock.Now = T0.AddMinutes(20);
        var taken = await state.TryAcquireAsync(key, "job-2");
        Assert.True(taken.Acquired);
        Assert.False(await state.ReleaseAsync(key, "job-1")); // the dead worker's release does not free job-2's lease
        Assert.Equal("job-2", (await state.GetAsync(key))!.Lease!.Owner);
    }

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task Progress_and_the_last_run_are_kept_per_section(bool azurite)
    {
        var tables = await TestTables.CreateAsync(azurite);
        var clock = new ManualClock(T0);
        var state = new SyncStateStore(tables, clock);
        var key = new SyncKey(TestTables.NewTenant(), "anna", "contacts");
        await state.ReportProgressAsync(key, "writing", 40, 120);
        var running = (await state.GetAsync(key))!;
        Assert.Equal(new SyncProgress("writing", 40, 120, T0), running.Progress);
        await state.RecordRunAsync(key, new LastRun(T0.AddMinutes(1), "succeeded", new Dictionary<string, int> { ["CreateRemote"] = 120 }, 0, "run-1"));
        await state.ReportProgressAsync(key with { Section = "businessContacts" }, "listing", 0, 0);
        var all = await state.ListAsync(key.TenantId, "anna");
        var contacts = all.Single(s => s.Key.Section == "contacts");
        Assert.Null(contacts.Progress);
        Assert.Equal(("succeeded", 120, "run-1"), (contacts.LastRun!.Result, contacts.LastRun.Counts["CreateRemote"], contacts.LastRun.RunId));
        Assert.Equal("listing", all.Single(s => s.Key.Section == "businessContacts").Progress!.Phase);
    }
}
