using ContactSync.Hub.Backups;
using ContactSync.Hub.SyncState;
using ContactSync.Storage;

namespace ContactSync.Handler.Backups;

/// <summary>The newest snapshot of a target, as the status shows it.</summary>
public sealed record SnapshotSummary(string SnapshotId, DateTimeOffset TakenAt, int ItemCount, string Trigger);

/// <summary>The status's <c>backup</c> entry beside the sync sections (M23): the policy's schedule and retention, when the
/// next backup is due, how the last one went (run counts: Items, Pruned) and the newest snapshot kept.</summary>
public sealed record BackupStatus(
    string Interval, int KeepLast, DateTimeOffset? NextExpectedSync, DateTimeOffset? LastSync, string? LastResult,
    IReadOnlyDictionary<string, int> Counts, SnapshotSummary? LastSnapshot, SyncProgress? Progress, string? RunningJob)
{
    /// <summary>The entry for a target whose policy has <paramref name="section"/>; <paramref name="state"/> is its
    /// <c>backup</c> sync state row (null before it was ever scheduled).</summary>
    public static async Task<BackupStatus> ReadAsync(string tenantId, string targetId, BackupSection section, SyncStatus? state,
        ITableStore tables, TimeProvider clock, CancellationToken ct)
    {
        var newest = (await new SnapshotStore(tables, clock).ListAsync(tenantId, targetId, ct)).FirstOrDefault();
        return new BackupStatus(state?.Interval ?? section.Interval.ToString(), section.KeepLast, state?.NextDue, state?.LastRun?.At,
            state?.LastRun?.Result, state?.LastRun?.Counts ?? new Dictionary<string, int>(),
            newest is null ? null : new SnapshotSummary(newest.SnapshotId, newest.TakenAt, newest.ItemCount, newest.Trigger),
            state?.Progress, state?.Lease?.Owner);
    }
}
