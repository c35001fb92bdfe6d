using ContactSync.Engine.Items;

namespace ContactSync.Engine.Sync;

public enum SyncDirection { TwoWay, Import, Export }

public enum ConflictPolicy { Manual, HubWins, RemoteWins, NewestWins }

/// <summary>What a deletion in the remote does to the hub item: delete it too, or only unlink the pair (M11).
/// A hub deletion always removes the copies: the hub is the business record.</summary>
public enum DeleteMode { Propagate, UnlinkOnly }

/// <summary>How one target is synced. <see cref="MatchKeys"/> gives an item's first-sync match keys in priority order
/// (M14); without it only managed-item markers link existing items.</summary>
public sealed record SyncOptions
{
    public SyncDirection Direction { get; init; } = SyncDirection.TwoWay;
    public ConflictPolicy Policy { get; init; } = ConflictPolicy.Manual;
    public DeleteMode DeleteMode { get; init; } = DeleteMode.Propagate;
    public Scope Scope { get; init; } = Scope.Everything;
    public IProjection Projection { get; init; } = IdentityProjection.Instance;
    public Func<FieldMap, IReadOnlyList<string>>? MatchKeys { get; init; }
    public RailOptions Rails { get; init; } = new();
    /// <summary>Writes sent to a store in one call (Graph's JSON batch takes 20).</summary>
    public int BatchSize { get; init; } = 20;
    /// <summary>How far a run is: (actions done, actions planned), once the plan stands and after each batch, so a long
    /// run can show it. Awaited: a slow callback slows the run.</summary>
    public Func<int, int, CancellationToken, Task>? Progress { get; init; }
}

/// <summary>Safety-rail thresholds. <see cref="MassDeleteShare"/> is the share of a target's pairs a run may delete;
/// a run deleting fewer than <see cref="MassDeleteMinimum"/> items is never stopped, so a small target can lose one.</summary>
public sealed record RailOptions
{
    public bool StopWhenSideEmpty { get; init; } = true;
    public double MassDeleteShare { get; init; } = 0.30;
    public int MassDeleteMinimum { get; init; } = 5;
}
