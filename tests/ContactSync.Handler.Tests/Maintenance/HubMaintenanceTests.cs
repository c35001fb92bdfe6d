using ContactSync.Handler.Jobs;
using ContactSync.Handler.Maintenance;
using ContactSync.Handler.Options;
using ContactSync.Handler.Tests.Webhooks;
using ContactSync.Hub;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Tenants;
using Microsoft.Extensions.Logging.Abstractions;
using static ContactSync.Handler.Tests.Maintenance.MaintenanceRows;

namespace ContactSync.Handler.Tests.Maintenance;

/// <summary>One maintenance pass on the test Azurite, its clock 50 days ahead (so the change-feed rows written now, whose
/// Timestamp the service sets, are past the 45-day retention), seeing only this test's tenants.</summary>
public class HubMaintenanceTests
{
    [Fact]
    public async Task A_pass_prunes_every_tenant_past_its_retentions_and_a_failing_tenant_stops_no_other()
    {
        var shared = TestEnvironment.Storage.CreateTableStore();
        foreach (var table in HubTables.All) await shared.CreateTableIfNotExistsAsync(table);
        var clock = new ShiftedClock { Offset = TimeSpan.FromDays(50) };
        var now = clock.GetUtcNow();
        // Tenants list in id order: the failing one comes first, so the others run after its failure.
        var failing = TestEnvironment.UniqueName("ma");
        string[] healthy = [TestEnvironment.UniqueName("mb"), TestEnvironment.UniqueName("mc")];
        foreach (var t in healthy.Prepend(failing))
        {
            await SaveTenantAsync(shared, t);
            await AddContactsAsync(shared, t);
            for (var i = 0; i < 25; i++) await AddRunAsync(shared, t, "ann", $"old{i:D2}", now.AddDays(-31 - i));
            await AddRunAsync(shared, t, "ann", "recent", now.AddDays(-1));
            await AddRunAsync(shared, t, "bob", "rare", now.AddDays(-200)); // a target that rarely syncs keeps its last run
        }
        var tables = new TenantsView(shared, [failing, .. healthy], failing);
        var jobs = new JobStore(tables, Microsoft.Extensions.Options.Options.Create(new JobsOptions { Table = TestEnvironment.UniqueName("mjobs") }));
        await jobs.EnsureTableAsync(default);
        var done = await jobs.InsertAsync(new JobRecord(healthy[0], JobIds.New(now.AddDays(-8)), JobKinds.Sync, JobState.Succeeded,
            now.AddDays(-8), FinishedAt: now.AddDays(-8)), default);
        var queued = await jobs.InsertAsync(new JobRecord(healthy[0], JobIds.New(now.AddDays(-8)), JobKinds.Sync, JobState.Queued,
            now.AddDays(-8)), default);
        var maintenance = new HubMaintenance(new TenantStore(tables), tables, new RunStore(tables), jobs,
            Microsoft.Extensions.Options.Options.Create(new MaintenanceSettings()), clock, NullLogger<HubMaintenance>.Instance);

        var summary = await maintenance.RunAsync(default);

        Assert.Equal((3, 2 * 2, 2 * 6, 1), (summary.Tenants, summary.ChangeFeedRows, summary.Runs, summary.Jobs));
        Assert.Equal([failing], summary.Failed);
        string[] kept = ["recent", .. Enumerable.Range(0, 19).Select(i => $"old{i:D2}")];
        foreach (var t in healthy)
        {
            Assert.Equal(0, await FeedRowsAsync(shared, t));
            Assert.Equal(2, await ContactsAsync(shared, t));
            Assert.Equal(kept, await RunIdsAsync(shared, t, "ann"));
            Assert.Equal(["rare"], await RunIdsAsync(shared, t, "bob"));
        }
        Assert.Equal(2, await FeedRowsAsync(shared, failing));
        Assert.Equal(26, (await RunIdsAsync(shared, failing, "ann")).Count);
        Assert.Null(await jobs.GetAsync(done.TenantId, done.JobId, default));
        Assert.NotNull(await jobs.GetAsync(queued.TenantId, queued.JobId, default));

        var again = await maintenance.RunAsync(default); // a second pass has nothing left to remove
        Assert.Equal((0, 0, 0), (again.ChangeFeedRows, again.Runs, again.Jobs));
        Assert.Equal([failing], again.Failed);
    }
}
