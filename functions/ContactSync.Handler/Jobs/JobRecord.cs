namespace ContactSync.Handler.Jobs;

public enum JobState { Queued, Running, Succeeded, Failed }

/// <summary>The kinds of job the worker runs today. <c>failAlways</c> is a documented diagnostics probe that fails on
/// every attempt, to watch retries and the poison path end to end.</summary>
public static class JobKinds
{
    public const string Heartbeat = "heartbeat";
    public const string Probe = "probe";
    public const string FailAlways = "failAlways";
    /// <summary>A sync of one (target, section); created by the Scheduler and by sync now, never by diagnostics.</summary>
    public const string Sync = "sync";
    /// <summary>A scheduled backup of one target (M23); created by the Scheduler from a due <c>backup</c> entry.</summary>
    public const string Backup = "backup";
    /// <summary>A restore of a backup to a target (M23); created by <c>POST …/backups/{b}/restore</c>, its request in
    /// <see cref="JobRecord.Input"/>.</summary>
    public const string Restore = "restore";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Heartbeat, Probe, FailAlways };
}

/// <summary>One row of the jobs table: partition = tenant id (or <c>_system</c>), row = job id. <see cref="Input"/>: what
/// the job was asked beyond its target and section (JSON; a restore's backup and mode).</summary>
public sealed record JobRecord(
    string TenantId,
    string JobId,
    string Kind,
    JobState State,
    DateTimeOffset CreatedAt,
    int DurationMs = 0,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    DateTimeOffset? LeaseUntil = null,
    int Attempts = 0,
    string? MessageId = null,
    string? Error = null,
    string? Result = null,
    string? ETag = null,
    string? TargetId = null,
    string? Section = null,
    JobProgress? Progress = null,
    string? Input = null)
{
    public const string SystemTenant = "_system";
    public bool IsFinished => State is JobState.Succeeded or JobState.Failed;
    public JobMessage ToMessage() => new(TenantId, JobId, Kind, DurationMs, TargetId, Section, Input);
}

/// <summary>The queue message for a job. Kind and duration travel along so a lost row can be recreated.</summary>
public sealed record JobMessage(string TenantId, string JobId, string Kind, int DurationMs = 0, string? TargetId = null,
    string? Section = null, string? Input = null);

/// <summary>A running sync's phase (listing, planning, writing) and items done of total.</summary>
public sealed record JobProgress(string Phase, int Done, int Total);

/// <summary>Which delivery of the message is running (from the trigger's Metadata).</summary>
public sealed record Delivery(string MessageId, int DequeueCount);
