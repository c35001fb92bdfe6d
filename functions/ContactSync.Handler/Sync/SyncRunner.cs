using ContactSync.Engine.Sync;
using ContactSync.Handler.Jobs;
using ContactSync.Hub.Policies;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Sync;

/// <summary>
/// Runs a sync job for one (tenant, target, section): takes the run lease (held by another job → the job is deferred,
/// so one target section never runs twice at once), loads the tenant, target and policy, composes both sides, runs the
/// engine, saves the run record and the last run on the sync state, and schedules the next run. Failures a retry cannot
/// fix (no e-mail address, the target or section gone) fail the job at once, with a failed run record.
/// </summary>
public sealed class SyncRunner(TenantStore tenants, TargetStore targets, PolicyStore policies, SyncComposer composer,
    SyncStateStore state, RunStore runs, TargetScheduling scheduling, JobStore jobs, ITableStore tables, TimeProvider clock,
    Webhooks.SubscriptionManager subscriptions, IOptions<SyncSettings> settings, ILogger<SyncRunner> log)
{
    public async Task<string> RunAsync(JobRecord job, CancellationToken ct, PartialIds? only = null)
    {
        if (job.TargetId is null || job.Section is null || !PolicySections.All.Contains(job.Section))
            throw new JobFailedException($"Sync job {job.JobId} names no target section (target '{job.TargetId}', section '{job.Section}').");
        var key = new SyncKey(job.TenantId, job.TargetId, job.Section);
        var lease = await state.TryAcquireAsync(key, job.JobId, ct);
        if (!lease.Acquired)
            throw new JobDeferredException($"waiting: job {lease.HeldBy?.Owner} is syncing {job.TargetId}/{job.Section}", settings.Value.BusyRetryDelay);
        var started = clock.GetUtcNow();
        Tenant? tenant = null;
        Target? target = null;
        IPolicySection? section = null;
        try
        {
            tenant = await tenants.GetAsync(key.TenantId, ct) ?? throw new JobFailedException($"Tenant '{key.TenantId}' does not exist.");
            target = await targets.GetAsync(key.TenantId, key.TargetId, ct)
                     ?? throw new JobFailedException($"Target '{key.TargetId}' does not exist.");
            var policy = await policies.GetAsync(key.TenantId, target.PolicyId, ct);
            section = policy?.Section(key.Section)
                      ?? throw new JobFailedException($"Policy '{target.PolicyId}' of target '{key.TargetId}' has no {key.Section} section.");
            if (target.Kind == TargetKind.Mailbox && target.Mailbox is null) throw new JobFailedException(TargetStore.OwnerEmailRequired);
            await ProgressAsync(job, key, "listing", 0, 0, ct);
            var parts = await composer.ComposeAsync(tenant, target, section, ct);
            var options = parts.Options with
            {
                Progress = ThrottledProgress.Every(TimeSpan.FromSeconds(1), clock, (done, total, c) => ProgressAsync(job, key, "writing", done, total, c)),
            };
            var report = await new SyncEngine(parts.Hub, parts.Remote, new TableStatusStore(tables, key)).RunAsync(options, only, ct);
            var record = parts.Record(job.JobId, key.Section, started, clock.GetUtcNow(), report);
            await FinishAsync(key, tenant, target, only is null ? section : null, record, report.Errors.Count, ct);
            if (only is null) await subscriptions.SubscribeIfMissingAsync(key, tenant, target, section, ct);
            await ProgressAsync(job, key, "done", report.Planned, report.Planned, ct);
            log.LogInformation("Sync {TenantId}/{TargetId}/{Section}: {Result} ({Report})", key.TenantId, key.TargetId, key.Section, record.Result, report.ToString());
            return $"{record.Result}: {report}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failed = RunRecord.Fail(job.JobId, key.Section, started, clock.GetUtcNow(), Failure(e));
            await FinishAsync(key, tenant, target, only is null ? section : null, failed, 0, ct);
            throw;
        }
        finally
        {
            await state.ReleaseAsync(key, job.JobId, CancellationToken.None);
        }
    }

    private async Task FinishAsync(SyncKey key, Tenant? tenant, Target? target, IPolicySection? section, RunRecord run, int errors,
        CancellationToken ct)
    {
        await runs.AddAsync(key.TenantId, key.TargetId, run, ct);
        // The status shows warnings (values a target could not hold, numbers not made canonical) beside the action counts.
        var counts = new Dictionary<string, int>(run.Counts) { ["Warnings"] = run.Warnings.Count + run.MoreWarnings };
        await state.RecordRunAsync(key, new LastRun(run.FinishedAt, run.Result, counts, errors, run.RunId), ct);
        // A webhook partial run (section passed as null) covers only the ids named: the next full run stays when it was due.
        if (tenant is not null && target is not null && section is not null)
            await scheduling.ScheduleSectionAsync(tenant, target, key.Section, section, run.StartedAt, ct);
    }

    private async Task ProgressAsync(JobRecord job, SyncKey key, string phase, int done, int total, CancellationToken ct)
    {
        await jobs.ReportProgressAsync(job, new JobProgress(phase, done, total), ct);
        await state.ReportProgressAsync(key, phase, done, total, ct);
    }

    // The remote's own words when it gave them; never a credential (exceptions carry none).
    private static string Failure(Exception e) => e is JobFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
}
