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
    public override string ToString() =>
        StoppedBy is { } s ? $"stopped by {s.Rail} ({s.Side}): {s.Reason}"
            : string.Join(", ", Counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}")) + $"; errors={Errors.Count}";
}

public sealed record ItemError(ActionKind Kind, string? HubId, string? RemoteId, string Error, string? RemoteMessage);

public sealed record ItemWarning(string? HubId, string? RemoteId, string Message);

public sealed record ItemSkip(string? HubId, string? RemoteId, string Reason);
