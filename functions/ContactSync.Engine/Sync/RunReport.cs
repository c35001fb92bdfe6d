namespace ContactSync.Engine.Sync;

/// <summary>What one run did for a target: counts of confirmed actions per kind, every failed item with the remote's
/// own message (M17), projection warnings per item (M13), items skipped and why, and the safety rail that stopped it.</summary>
public sealed class RunReport
{
    public Dictionary<ActionKind, int> Counts { get; } = [];
    public List<ItemError> Errors { get; } = [];
    public List<ItemWarning> Warnings { get; } = [];
    public List<ItemSkip> Skipped { get; } = [];
    public RailTrip? StoppedBy { get; set; }
    public int Planned { get; set; }

    public int Count(ActionKind kind) => Counts.GetValueOrDefault(kind);
    internal void Done(ActionKind kind) => Counts[kind] = Count(kind) + 1;

    /// <summary>"CreateRemote=2, UpdateHub=1; errors=0", "errors=3" when no action got through, "nothing to do" for a
    /// quiet run (the job reads "succeeded: nothing to do", not "succeeded: ; errors=0").</summary>
    public override string ToString()
    {
        if (StoppedBy is { } s) return $"stopped by {s.Rail} ({s.Side}): {s.Reason}";
        var done = string.Join(", ", Counts.Where(c => c.Value > 0).OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));
        return (done.Length, Errors.Count) switch
        {
            (0, 0) => "nothing to do",
            (0, var errors) => $"errors={errors}",
            _ => $"{done}; errors={Errors.Count}",
        };
    }
}

public sealed record ItemError(ActionKind Kind, string? HubId, string? RemoteId, string Error, string? RemoteMessage);

public sealed record ItemWarning(string? HubId, string? RemoteId, string Message);

public sealed record ItemSkip(string? HubId, string? RemoteId, string Reason);
