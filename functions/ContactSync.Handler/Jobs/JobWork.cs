using ContactSync.Handler.Options;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Jobs;

/// <summary>What each job kind does. Today: heartbeat and probe check a storage round trip (probe optionally takes a
/// while, so its running state can be watched); failAlways fails on purpose. Sync jobs run the engine for one (target, section): <see cref="Sync.SyncRunner"/>;
/// backup jobs take a target's scheduled snapshot: <see cref="Backups.BackupRunner"/>; restore jobs write a backup back:
/// <see cref="Backups.RestoreRunner"/>.</summary>
public sealed class JobWork(ITableStore tables, IOptions<JobsOptions> options, TimeProvider clock, Sync.SyncRunner sync,
    Webhooks.NotifiedSync notified, Backups.BackupRunner backups, Backups.RestoreRunner restores)
{
    public async Task<string> ExecuteAsync(JobRecord job, Delivery delivery, CancellationToken ct)
    {
        switch (job.Kind)
        {
            case JobKinds.FailAlways:
                throw new ProbeFailureException($"failAlways probe: failing on purpose (attempt {delivery.DequeueCount})");
            case JobKinds.Sync:
                return await sync.RunAsync(job, ct);
            case JobKinds.Backup:
                return await backups.RunAsync(job, ct);
            case JobKinds.Restore:
                return await restores.RunAsync(job, ct);
            case Webhooks.NotifiedSync.Kind:
                return await notified.RunAsync(job, ct);
            case JobKinds.Heartbeat or JobKinds.Probe:
                if (job.DurationMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(job.DurationMs, 60_000)), clock, ct);
                return await StorageRoundTripAsync(job, ct);
            default:
                throw new ProbeFailureException($"unknown job kind '{job.Kind}'");
        }
    }

    /// <summary>Writes, reads back and deletes a row next to the job: proves the worker can use its storage.</summary>
    private async Task<string> StorageRoundTripAsync(JobRecord job, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var table = options.Value.Table;
        var probe = new TableEntity("_probe", job.JobId) { ["At"] = clock.GetUtcNow() };
        await tables.UpsertAsync(table, probe, WriteMode.Replace, ct);
        _ = await tables.GetAsync(table, probe.PartitionKey, probe.RowKey, ct)
            ?? throw new ProbeFailureException("the probe row written a moment ago is missing");
        await tables.DeleteAsync(table, probe.PartitionKey, probe.RowKey, "*", ct);
        return $"storage round trip in {clock.GetElapsedTime(started).TotalMilliseconds:F0} ms";
    }
}

public sealed class ProbeFailureException(string message) : Exception(message);
