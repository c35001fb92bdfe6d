using ContactSync.Handler.Jobs;
using ContactSync.Handler.Sync;
using ContactSync.Hub.Backups;
using ContactSync.Hub.Policies;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Backups;

/// <summary>
/// Runs a scheduled backup job (M23) for one target: takes the run lease on (target, <c>backup</c>) (held → the job is
/// deferred), opens the target's contacts (mailbox or device) through <see cref="TargetEndpoints"/>, takes a snapshot
/// (trigger scheduled), keeps the policy's newest <c>keepLast</c>, saves a run record and the last run on the sync state
/// (the status shows it) and schedules the next backup. A failure leaves a failed run record naming the reason.
/// </summary>
public sealed class BackupRunner(TenantStore tenants, TargetStore targets, PolicyStore policies, TargetEndpoints endpoints,
    SyncStateStore state, RunStore runs, TargetScheduling scheduling, ITableStore tables, TimeProvider clock,
    IOptions<SyncSettings> settings, ILogger<BackupRunner> log)
{
    public async Task<string> RunAsync(JobRecord job, CancellationToken ct)
    {
        if (job.TargetId is null) throw new JobFailedException($"Backup job {job.JobId} names no target.");
        var key = TargetScheduling.BackupKey(job.TenantId, job.TargetId);
        var lease = await state.TryAcquireAsync(key, job.JobId, ct);
        if (!lease.Acquired)
            throw new JobDeferredException($"waiting: job {lease.HeldBy?.Owner} is backing up {job.TargetId}", settings.Value.BusyRetryDelay);
        var started = clock.GetUtcNow();
        Tenant? tenant = null;
        Target? target = null;
        Policy? policy = null;
        try
        {
            tenant = await tenants.GetAsync(key.TenantId, ct) ?? throw new JobFailedException($"Tenant '{key.TenantId}' does not exist.");
            target = await targets.GetAsync(key.TenantId, key.TargetId, ct)
                     ?? throw new JobFailedException($"Target '{key.TargetId}' does not exist.");
            policy = await policies.GetAsync(key.TenantId, target.PolicyId, ct);
            var backup = policy?.Backup ?? throw new JobFailedException($"Policy '{target.PolicyId}' of target '{key.TargetId}' has no backup section.");
            await state.ReportProgressAsync(key, "listing", 0, 0, ct);
            var side = await endpoints.OpenAsync(tenant, target, null, ct);
            var store = new SnapshotStore(tables, clock);
            Snapshot snapshot;
            try { snapshot = await store.TakeAsync(key.TenantId, key.TargetId, side.Store, Snapshot.Scheduled, ct); }
            catch (SnapshotTooLargeException e) { throw new JobFailedException(e.Message); } // the same item fails every retry
            var pruned = await store.PruneAsync(key.TenantId, key.TargetId, backup.KeepLast, ct);
            var counts = new Dictionary<string, int> { [Counts.Items] = snapshot.ItemCount, [Counts.Pruned] = pruned.Count };
            await FinishAsync(key, tenant, target, policy, new RunRecord(job.JobId, key.Section, started, clock.GetUtcNow(),
                RunRecord.Succeeded, counts, [], []), ct);
            log.LogInformation("Backup {TenantId}/{TargetId}: snapshot {SnapshotId} of {Items} items, {Pruned} older removed",
                key.TenantId, key.TargetId, snapshot.SnapshotId, snapshot.ItemCount, pruned.Count);
            return $"{RunRecord.Succeeded}: snapshot {snapshot.SnapshotId} of {snapshot.ItemCount} items, {pruned.Count} older removed";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failure = e is JobFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            log.LogWarning("Backup {TenantId}/{TargetId} failed: {Failure}", key.TenantId, key.TargetId, failure);
            await FinishAsync(key, tenant, target, policy, RunRecord.Fail(job.JobId, key.Section, started, clock.GetUtcNow(), failure), ct);
            throw;
        }
        finally
        {
            await state.ReleaseAsync(key, job.JobId, CancellationToken.None);
        }
    }

    /// <summary>The counts a backup run records.</summary>
    public static class Counts
    {
        public const string Items = "Items", Pruned = "Pruned";
    }

    private async Task FinishAsync(SyncKey key, Tenant? tenant, Target? target, Policy? policy, RunRecord run, CancellationToken ct)
    {
        await runs.AddAsync(key.TenantId, key.TargetId, run, ct);
        await state.RecordRunAsync(key, new LastRun(run.FinishedAt, run.Result, run.Counts, run.Result == RunRecord.Failed ? 1 : 0, run.RunId), ct);
        // The due index is a minute wide: a job claimed early in its minute counts as run for all of it, so an occurrence
        // later in the same minute is not run again.
        var ranAt = new DateTimeOffset(run.StartedAt.UtcTicks - run.StartedAt.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero)
            .AddMinutes(1).AddTicks(-1);
        if (tenant is not null && target is not null)
            await scheduling.ScheduleBackupAsync(tenant, target, policy, ranAt, ct);
    }
}
