using ContactSync.Handler.Invocation;
using ContactSync.Handler.Options;
using ContactSync.Hub.Scheduling;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Jobs;

/// <summary>Creates job rows (state queued) and their messages: the Scheduler's due jobs, and on-demand probes.</summary>
public sealed class JobScheduler(JobStore store, IQueueStore queues, DueIndex due, TimeProvider clock, IOptions<JobsOptions> jobs,
    IOptions<SchedulerOptions> scheduler, ILogger<JobScheduler> log)
{
    /// <summary>Due entries one tick claims; the rest wait for the next tick (an output binding array stays bounded).</summary>
    public const int MaxDuePerTick = 2000;

    /// <summary>The heartbeats and one sync job per due (target, section), a backup job per due <c>backup</c> entry: the
    /// due entries are claimed (removed on their ETag, so two ticks never both get one) and their job rows written; the
    /// caller hands the messages to the queue output binding. The worker schedules the next run when the job finishes.</summary>
    public async Task<IReadOnlyList<JobMessage>> CreateDueJobsAsync(CancellationToken ct)
    {
        var messages = new List<JobMessage>();
        for (var i = 0; i < scheduler.Value.HeartbeatJobs; i++)
            messages.Add((await CreateRowAsync(JobKinds.Heartbeat, 0, ct)).ToMessage());
        var claimed = await due.ClaimDueAsync(clock.GetUtcNow(), MaxDuePerTick, ct);
        foreach (var entry in claimed)
            messages.Add((await CreateTargetRowAsync(entry.Key.TenantId, entry.Key.TargetId, entry.Key.Section, ct)).ToMessage());
        if (claimed.Count > 0) log.LogInformation("Scheduler claimed {Count} due target section(s)", claimed.Count);
        return messages;
    }

    /// <summary>Sync now: a sync job for one (target, section), enqueued directly.</summary>
    public async Task<JobRecord> EnqueueSyncAsync(string tenantId, string targetId, string section, CancellationToken ct)
    {
        var job = await CreateTargetRowAsync(tenantId, targetId, section, ct);
        await queues.PutAsync(jobs.Value.Queue, System.Text.Json.JsonSerializer.Serialize(job.ToMessage(), HandlerJson.Options), ct: ct);
        return job;
    }

    /// <summary>A restore job (M23) writing to <paramref name="targetId"/>; <paramref name="input"/> names the backup.</summary>
    public async Task<JobRecord> EnqueueRestoreAsync(string tenantId, string targetId, string input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var job = await store.InsertAsync(new JobRecord(tenantId, JobIds.New(now), JobKinds.Restore, JobState.Queued, now,
            TargetId: targetId, Input: input), ct);
        await queues.PutAsync(jobs.Value.Queue, System.Text.Json.JsonSerializer.Serialize(job.ToMessage(), HandlerJson.Options), ct: ct);
        return job;
    }

    // The backup "section" is a backup job; every other section a sync.
    private Task<JobRecord> CreateTargetRowAsync(string tenantId, string targetId, string section, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var kind = section == Hub.Backups.BackupSection.Name ? JobKinds.Backup : JobKinds.Sync;
        return store.InsertAsync(new JobRecord(tenantId, JobIds.New(now), kind, JobState.Queued, now,
            TargetId: targetId, Section: section), ct);
    }

    /// <summary>An on-demand job, enqueued directly (HTTP-forwarded functions have no output bindings).</summary>
    public async Task<JobRecord> EnqueueAsync(string kind, int durationMs, CancellationToken ct)
    {
        var job = await CreateRowAsync(kind, durationMs, ct);
        await queues.PutAsync(jobs.Value.Queue, System.Text.Json.JsonSerializer.Serialize(job.ToMessage(), HandlerJson.Options), ct: ct);
        return job;
    }

    private Task<JobRecord> CreateRowAsync(string kind, int durationMs, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return store.InsertAsync(new JobRecord(JobRecord.SystemTenant, JobIds.New(now), kind, JobState.Queued, now, durationMs), ct);
    }
}
