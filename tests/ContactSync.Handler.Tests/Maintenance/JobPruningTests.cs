using ContactSync.Handler.Jobs;
using ContactSync.Handler.Options;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests.Maintenance;

/// <summary><see cref="JobStore.PruneFinishedAsync"/> on the test Azurite: succeeded and failed jobs that finished before
/// the cut-off go, in every partition; queued and running jobs stay however old.</summary>
public class JobPruningTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Finished_jobs_older_than_the_cut_off_go_and_unfinished_or_recently_finished_ones_stay()
    {
        var tables = TestEnvironment.Storage.CreateTableStore();
        var jobs = new JobStore(tables, Microsoft.Extensions.Options.Options.Create(new JobsOptions { Table = TestEnvironment.UniqueName("prune") }));
        await jobs.EnsureTableAsync(default);
        async Task<string> Add(string tenant, JobState state, int createdDaysAgo, double? finishedDaysAgo = null)
        {
            var created = Now.AddDays(-createdDaysAgo);
            var job = await jobs.InsertAsync(new JobRecord(tenant, JobIds.New(created), JobKinds.Probe, state, created,
                StartedAt: state == JobState.Queued ? null : created, FinishedAt: finishedDaysAgo is { } f ? Now.AddDays(-f) : null), default);
            return job.JobId;
        }
        var oldDone = await Add("t1", JobState.Succeeded, 10, 10);
        var oldFailed = await Add("t1", JobState.Failed, 9, 8.9);
        var finishedLate = await Add("t1", JobState.Succeeded, 10, 1);   // ran long: its finish is what counts
        var oldQueued = await Add("t1", JobState.Queued, 30);
        var oldRunning = await Add("t1", JobState.Running, 30);
        var recent = await Add("t1", JobState.Succeeded, 0, 0);
        var heartbeat = await Add(JobRecord.SystemTenant, JobState.Succeeded, 8, 8);
        var otherTenant = await Add("t2", JobState.Failed, 20, 20);

        Assert.Equal(4, await jobs.PruneFinishedAsync(Now.AddDays(-7), default));

        Assert.Equal(new[] { finishedLate, oldQueued, oldRunning, recent }.Order(), (await jobs.RecentAsync("t1", 100, default)).Select(j => j.JobId).Order());
        foreach (var (tenant, id) in new[] { ("t1", oldDone), ("t1", oldFailed), (JobRecord.SystemTenant, heartbeat), ("t2", otherTenant) })
            Assert.Null(await jobs.GetAsync(tenant, id, default));
        Assert.Equal(0, await jobs.PruneFinishedAsync(Now.AddDays(-7), default)); // a second pass finds nothing more
    }
}
