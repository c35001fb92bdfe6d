using System.Collections.Concurrent;
using System.Net;
using ContactSync.Handler.Functions;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Options;
using ContactSync.Hub;
using static ContactSync.Handler.Tests.Maintenance.MaintenanceRows;

namespace ContactSync.Handler.Tests.Maintenance;

/// <summary>The HubMaintenance timer fired through the dev host against the test Azurite. Retentions of ten years, so the
/// pass touches only the twenty-year-old rows this test writes (as the stores key them), never another suite's.</summary>
public class HubMaintenanceFunctionTests
{
    [Fact]
    public async Task The_timer_prunes_old_runs_and_finished_jobs_and_keeps_the_rest()
    {
        var tables = TestEnvironment.Storage.CreateTableStore();
        foreach (var table in HubTables.All) await tables.CreateTableIfNotExistsAsync(table);
        var jobsTable = TestEnvironment.UniqueName("hm") + "jobs";
        var now = DateTimeOffset.UtcNow;
        var old = now.AddYears(-20);
        var tenant = TestEnvironment.UniqueName("hm");
        await SaveTenantAsync(tables, tenant);
        await AddContactsAsync(tables, tenant);
        for (var i = 0; i < 25; i++) await AddRunAsync(tables, tenant, "ann", $"old{i:D2}", old.AddHours(-i));
        for (var i = 0; i < 3; i++) await AddRunAsync(tables, tenant, "bob", $"bob{i}", old.AddHours(-i));
        var jobs = new JobStore(tables, Microsoft.Extensions.Options.Options.Create(new JobsOptions { Table = jobsTable }));
        await jobs.EnsureTableAsync(default);
        var done = await jobs.InsertAsync(new JobRecord(tenant, JobIds.New(old), JobKinds.Sync, JobState.Succeeded, old, FinishedAt: old), default);
        var failed = await jobs.InsertAsync(new JobRecord(JobRecord.SystemTenant, JobIds.New(old), JobKinds.Heartbeat, JobState.Failed, old,
            FinishedAt: old), default);
        var queued = await jobs.InsertAsync(new JobRecord(tenant, JobIds.New(old), JobKinds.Sync, JobState.Queued, old), default);
        var recent = await jobs.InsertAsync(new JobRecord(tenant, JobIds.New(now), JobKinds.Sync, JobState.Succeeded, now, FinishedAt: now), default);

        var log = new ConcurrentQueue<string>();
        var options = TestEnvironment.DevHost(new Dictionary<string, string>
        {
            ["SYNC_JOBS_QUEUE"] = TestEnvironment.UniqueName("hm") + "-jobs", ["Jobs__Table"] = jobsTable, ["ContactSync__AdminKey"] = "k",
            ["MAINTENANCE_SCHEDULE"] = "0 0 0 1 1 *", ["Maintenance__ChangeFeedDays"] = "3650", ["Maintenance__RunDays"] = "3650",
            ["Maintenance__JobDays"] = "3650",
        }, log.Enqueue) with { Functions = new HashSet<string> { HubMaintenanceFunction.Name } };
        await using (var host = await DevHost.DevHost.StartAsync(options))
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            using var response = await http.PostAsync($"admin/functions/{HubMaintenanceFunction.Name}", null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var run = Assert.Single(host.Invocations, i => i.Function == HubMaintenanceFunction.Name);
            Assert.True(run.Succeeded, string.Join('\n', log));
        }

        // ann keeps her newest 20 runs, bob (who rarely syncs) all 3; the feed rows are recent and the contacts untouched.
        Assert.Equal([.. Enumerable.Range(0, 20).Select(i => $"old{i:D2}")], await RunIdsAsync(tables, tenant, "ann"));
        Assert.Equal(["bob0", "bob1", "bob2"], await RunIdsAsync(tables, tenant, "bob"));
        Assert.Equal(2, await FeedRowsAsync(tables, tenant));
        Assert.Equal(2, await ContactsAsync(tables, tenant));
        Assert.Null(await jobs.GetAsync(done.TenantId, done.JobId, default));
        Assert.Null(await jobs.GetAsync(failed.TenantId, failed.JobId, default));
        Assert.NotNull(await jobs.GetAsync(queued.TenantId, queued.JobId, default));
        Assert.NotNull(await jobs.GetAsync(recent.TenantId, recent.JobId, default));
    }
}
