namespace ContactSync.Hub.SyncState;

/// <summary>What the syncstate row says about a (tenant, target, section) (M4, M5): when it runs next and why
/// (<see cref="Interval"/>, the policy's text), how the last run went, the running job's progress and lease.</summary>
public sealed record SyncStatus(
    SyncKey Key, DateTimeOffset? NextDue, string? Interval, LastRun? LastRun, SyncProgress? Progress, RunLease? Lease);

/// <summary>The last finished run: when, its result (e.g. succeeded, failed, stopped), counts per action kind, how many
/// items failed, and its run record's id (<see cref="RunStore"/>).</summary>
public sealed record LastRun(DateTimeOffset At, string Result, IReadOnlyDictionary<string, int> Counts, int Errors, string? RunId = null);

/// <summary>A running job's phase (listing, planning, writing…) and items done of total.</summary>
public sealed record SyncProgress(string Phase, int Done, int Total, DateTimeOffset At);

/// <summary>Who holds the run lease and since when (renewed by acquiring again).</summary>
public sealed record RunLease(string Owner, DateTimeOffset Since);

/// <summary>The answer to <see cref="SyncStateStore.TryAcquireAsync"/>: acquired, or held by <see cref="HeldBy"/>.</summary>
public sealed record LeaseResult(bool Acquired, RunLease? HeldBy);
