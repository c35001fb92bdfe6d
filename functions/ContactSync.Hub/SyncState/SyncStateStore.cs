using System.Text.Json;
using ContactSync.Storage;

namespace ContactSync.Hub.SyncState;

/// <summary>
/// Per (tenant, target, section) run state on the <c>syncstate</c> row: the run lease, progress and the last run. The
/// next due time is written by <see cref="Scheduling.DueIndex"/> (it keeps the due entry and the row together).
/// <para>The lease keeps one (target, section) from running twice at once: <see cref="TryAcquireAsync"/> takes it when
/// free, already the caller's (which renews it) or older than <c>staleAfter</c> (a worker that died); the ETag makes two
/// acquirers race safely. A job that finds it held re-queues itself with a visibility delay (or reports waiting).</para>
/// </summary>
public sealed class SyncStateStore(ITableStore tables, TimeProvider? time = null, TimeSpan? staleAfter = null)
{
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromMinutes(30);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly TimeSpan _staleAfter = staleAfter ?? DefaultStaleAfter;

    public async Task<SyncStatus?> GetAsync(SyncKey key, CancellationToken ct = default) =>
        await SyncStateRow.GetAsync(tables, key, ct) is { } e ? ToStatus(key, e) : null;

    /// <summary>Every section's state of one target.</summary>
    public async Task<IReadOnlyList<SyncStatus>> ListAsync(string tenantId, string targetId, CancellationToken ct = default)
    {
        var list = new List<SyncStatus>();
        var partition = new SyncKey(tenantId, targetId, "").TargetPartition;
        await foreach (var e in tables.QueryAsync(HubTables.SyncState, new TableQuery(TableFilter.Partition(partition)), ct))
            list.Add(ToStatus(new SyncKey(tenantId, targetId, e.RowKey), e));
        return list;
    }

    /// <summary>Takes (or renews) the run lease for <paramref name="owner"/> (e.g. the job id).</summary>
    public async Task<LeaseResult> TryAcquireAsync(SyncKey key, string owner, CancellationToken ct = default)
    {
        RunLease? heldBy = null;
        var now = _time.GetUtcNow();
        var acquired = await SyncStateRow.EditAsync(tables, key, row =>
        {
            heldBy = LeaseOf(row);
            if (heldBy is not null && heldBy.Owner != owner && now - heldBy.Since < _staleAfter) return false;
            row[Names.LeaseOwner] = owner;
            row[Names.LeaseSince] = now;
            return true;
        }, ct);
        return acquired ? new(true, new RunLease(owner, now)) : new(false, heldBy);
    }

    /// <summary>Releases the lease if <paramref name="owner"/> still holds it; false when it does not.</summary>
    public Task<bool> ReleaseAsync(SyncKey key, string owner, CancellationToken ct = default) =>
        SyncStateRow.EditAsync(tables, key, row =>
        {
            if (LeaseOf(row)?.Owner != owner) return false;
            row.Properties.Remove(Names.LeaseOwner);
            row.Properties.Remove(Names.LeaseSince);
            return true;
        }, ct);

    public Task ReportProgressAsync(SyncKey key, string phase, int done, int total, CancellationToken ct = default) =>
        SyncStateRow.EditAsync(tables, key, row =>
        {
            (row[Names.Phase], row[Names.Done], row[Names.Total], row[Names.ProgressAt]) = (phase, done, total, _time.GetUtcNow());
            return true;
        }, ct);

    /// <summary>Records the finished run and clears the progress.</summary>
    public Task RecordRunAsync(SyncKey key, LastRun run, CancellationToken ct = default) =>
        SyncStateRow.EditAsync(tables, key, row =>
        {
            row[Names.LastRunAt] = run.At;
            row[Names.LastResult] = run.Result;
            row[Names.LastCounts] = JsonSerializer.Serialize(run.Counts);
            row[Names.LastErrors] = run.Errors;
            row[Names.LastRunId] = run.RunId;
            foreach (var p in new[] { Names.Phase, Names.Done, Names.Total, Names.ProgressAt }) row.Properties.Remove(p);
            return true;
        }, ct);

    private static RunLease? LeaseOf(TableEntity row) =>
        row.GetString(Names.LeaseOwner) is { Length: > 0 } owner ? new RunLease(owner, row.GetDateTime(Names.LeaseSince) ?? DateTimeOffset.MinValue) : null;

    private static SyncStatus ToStatus(SyncKey key, TableEntity e) => new(key,
        e.GetDateTime(Names.NextDue), e.GetString(Names.Interval),
        e.GetDateTime(Names.LastRunAt) is { } at
            ? new LastRun(at, e.GetString(Names.LastResult) ?? "", JsonSerializer.Deserialize<Dictionary<string, int>>(e.GetString(Names.LastCounts) ?? "{}") ?? [],
                e.GetInt32(Names.LastErrors) ?? 0, e.GetString(Names.LastRunId))
            : null,
        e.GetString(Names.Phase) is { } phase
            ? new SyncProgress(phase, e.GetInt32(Names.Done) ?? 0, e.GetInt32(Names.Total) ?? 0, e.GetDateTime(Names.ProgressAt) ?? default)
            : null,
        LeaseOf(e));

    /// <summary>Property names of the syncstate row (shared with the due index and the status store).</summary>
    internal static class Names
    {
        public const string NextDue = "nextDue", DueBucket = "dueBucket", Interval = "interval";
        public const string LeaseOwner = "leaseOwner", LeaseSince = "leaseSince";
        public const string Phase = "phase", Done = "done", Total = "total", ProgressAt = "progressAt";
        public const string LastRunAt = "lastRunAt", LastResult = "lastResult", LastCounts = "lastCounts", LastErrors = "lastErrors", LastRunId = "lastRunId";
    }
}
