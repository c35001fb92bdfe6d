using System.Text.Json;
using ContactSync.Engine.Items;
using ContactSync.Engine.Sync;
using ContactSync.Handler.Invocation;
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

/// <summary>What a restore job was asked: the backup (of <see cref="FromTarget"/>) and the mode, exact or additive.</summary>
public sealed record RestoreInput(string FromTarget, string BackupId, string Mode)
{
    public string ToJson() => JsonSerializer.Serialize(this, HandlerJson.Options);

    public static RestoreInput? Parse(string? json)
    {
        try { return json is null ? null : JsonSerializer.Deserialize<RestoreInput>(json, HandlerJson.Options); }
        catch (JsonException) { return null; }
    }
}

/// <summary>
/// Runs a restore job (M23): a backup written back to its target or to another one through the engine
/// (<see cref="SnapshotRestore"/>: only what differs is written). While it writes, the target's contact sections are
/// leased, so no sync of them runs in between (held → the job waits, as a sync does). The run is recorded on the target
/// (section <c>restore</c>, per-item errors included) and the job's result says what was done.
/// </summary>
public sealed class RestoreRunner(TenantStore tenants, TargetStore targets, PolicyStore policies, TargetEndpoints endpoints,
    SyncStateStore state, RunStore runs, JobStore jobs, ITableStore tables, TimeProvider clock, IOptions<SyncSettings> settings,
    ILogger<RestoreRunner> log)
{
    public const string RunSection = "restore";

    public async Task<string> RunAsync(JobRecord job, CancellationToken ct)
    {
        var input = RestoreInput.Parse(job.Input);
        if (job.TargetId is not { } targetId || input is null || input.Mode is not ("exact" or "additive"))
            throw new JobFailedException($"Restore job {job.JobId} names no target, backup and mode (input '{job.Input}').");
        var tenant = await tenants.GetAsync(job.TenantId, ct) ?? throw new JobFailedException($"Tenant '{job.TenantId}' does not exist.");
        var target = await targets.GetAsync(job.TenantId, targetId, ct) ?? throw new JobFailedException($"Target '{targetId}' does not exist.");
        var leased = await LeaseAsync(job, target, ct);
        var started = clock.GetUtcNow();
        try
        {
            await jobs.ReportProgressAsync(job, new JobProgress("listing", 0, 0), ct);
            var store = new SnapshotStore(tables, clock);
            var snapshot = await store.GetAsync(job.TenantId, input.FromTarget, input.BackupId, ct)
                ?? throw new JobFailedException($"Backup '{input.BackupId}' of target '{input.FromTarget}' does not exist (any more).");
            var side = await endpoints.OpenAsync(tenant, target, null, ct);
            // Back to the same target the snapshot's items are written as they were read from it (they fit it, and a number
            // the user typed stays as typed); another target gets them through its projection (its limits, canonical phones).
            var sameTarget = input.FromTarget == targetId;
            var result = await SnapshotRestore.RunAsync(await store.ItemsAsync(snapshot, ct), side.Store, sameTarget,
                input.Mode == "exact" ? RestoreMode.Exact : RestoreMode.Additive, sameTarget ? IdentityProjection.Instance : side.Projection, ct,
                ThrottledProgress.Every(TimeSpan.FromSeconds(1), clock, (done, total, c) => jobs.ReportProgressAsync(job, new JobProgress("writing", done, total), c)));
            var record = Record(job.JobId, started, clock.GetUtcNow(), result);
            await runs.AddAsync(job.TenantId, targetId, record, ct);
            await jobs.ReportProgressAsync(job, new JobProgress("done", result.Report.Planned, result.Report.Planned), ct);
            var summary = $"{record.Result}: backup {input.BackupId} of {input.FromTarget} restored to {targetId} ({input.Mode}): " +
                $"{result.Report}; removed={result.Removed}" + (result.RemoveErrors.Count > 0 ? $"; removals failed={result.RemoveErrors.Count}" : "");
            log.LogInformation("Restore {TenantId}/{TargetId}: {Summary}", job.TenantId, targetId, summary);
            return summary;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failure = e is JobFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            await runs.AddAsync(job.TenantId, targetId, RunRecord.Fail(job.JobId, RunSection, started, clock.GetUtcNow(), failure), ct);
            throw;
        }
        finally
        {
            foreach (var key in leased) await state.ReleaseAsync(key, job.JobId, CancellationToken.None);
        }
    }

    // The sections that write the target's contacts, in a fixed order so two restores never hold one each.
    private async Task<List<SyncKey>> LeaseAsync(JobRecord job, Target target, CancellationToken ct)
    {
        var policy = await policies.GetAsync(job.TenantId, target.PolicyId, ct);
        var leased = new List<SyncKey>();
        foreach (var section in new[] { PolicySections.BusinessContacts, PolicySections.Contacts })
        {
            if (policy?.Section(section) is null) continue;
            var key = new SyncKey(job.TenantId, target.Id, section);
            var lease = await state.TryAcquireAsync(key, job.JobId, ct);
            if (lease.Acquired) { leased.Add(key); continue; }
            foreach (var held in leased) await state.ReleaseAsync(held, job.JobId, CancellationToken.None);
            throw new JobDeferredException($"waiting: job {lease.HeldBy?.Owner} is syncing {target.Id}/{section}", settings.Value.BusyRetryDelay);
        }
        return leased;
    }

    // The engine's record, with the exact mode's removals counted and their errors kept beside the engine's.
    private static RunRecord Record(string runId, DateTimeOffset started, DateTimeOffset finished, RestoreResult result)
    {
        var record = RunRecord.From(runId, RunSection, started, finished, result.Report);
        var counts = new Dictionary<string, int>(record.Counts) { ["Removed"] = result.Removed };
        return record with
        {
            Counts = counts, Errors = [.. record.Errors, .. result.RemoveErrors],
            Result = record.StoppedBy is null && result.RemoveErrors.Count > 0 ? RunRecord.CompletedWithErrors : record.Result,
        };
    }
}
