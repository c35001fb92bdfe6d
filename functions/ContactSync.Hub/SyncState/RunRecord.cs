using ContactSync.Engine.Sync;

namespace ContactSync.Hub.SyncState;

/// <summary>One finished run of a (target, section) (M5, M17): counts per action kind, warnings and per-item errors
/// with the remote's own message, and the safety rail that stopped it. The stored lists are capped;
/// <see cref="MoreErrors"/> and <see cref="MoreWarnings"/> count what was left out.</summary>
public sealed record RunRecord(
    string RunId, string Section, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Result,
    IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ItemWarning> Warnings, IReadOnlyList<ItemError> Errors,
    RailTrip? StoppedBy = null, string? Failure = null, int MoreWarnings = 0, int MoreErrors = 0)
{
    public const string Succeeded = "succeeded", Failed = "failed", Stopped = "stopped", CompletedWithErrors = "completedWithErrors";

    /// <summary>The record of an engine run: stopped by a rail, completed with per-item errors, or succeeded.</summary>
    public static RunRecord From(string runId, string section, DateTimeOffset startedAt, DateTimeOffset finishedAt, RunReport report) =>
        new(runId, section, startedAt, finishedAt,
            report.StoppedBy is not null ? Stopped : report.Errors.Count > 0 ? CompletedWithErrors : Succeeded,
            report.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value), [.. report.Warnings], [.. report.Errors], report.StoppedBy);

    /// <summary>A run that failed as a whole (no e-mail address, Graph refused the credential…).</summary>
    public static RunRecord Fail(string runId, string section, DateTimeOffset startedAt, DateTimeOffset finishedAt, string failure) =>
        new(runId, section, startedAt, finishedAt, Failed, new Dictionary<string, int>(), [], [], Failure: failure);
}
