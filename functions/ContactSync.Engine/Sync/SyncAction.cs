using ContactSync.Engine.Items;

namespace ContactSync.Engine.Sync;

/// <summary>What the planner decided for one item pair, named on both sides' terms.</summary>
public enum ActionKind
{
    CreateRemote, CreateHub, UpdateRemote, UpdateHub, DeleteRemote, DeleteHub,
    /// <summary>Both sides changed different fields (or a policy settled an overlap): both get the merged item.</summary>
    Merge,
    /// <summary>First sync: an existing hub item and remote item are one pair (M14, or a managed-item marker).</summary>
    Link,
    /// <summary>Both sides changed the same field and the policy is manual: the pair waits for the user.</summary>
    Conflict,
    /// <summary>The remote item was deleted and delete mode is unlinkOnly: the hub keeps its item, the pair is dropped.</summary>
    Unlink,
    /// <summary>The hub item left the target's scope: its copy leaves that remote only, the hub keeps it.</summary>
    RemoveFromRemote,
    /// <summary>Both sides deleted the item: only the status row goes.</summary>
    Forget,
    /// <summary>The versions moved but the content did not (or both made the same edit): only the status row changes.</summary>
    Refresh,
    /// <summary>Nothing to do, for a reason the report shows.</summary>
    Skip,
}

public enum Write { None, Create, Update, Delete }

/// <summary>
/// One planned action: the write on each side, the resulting hub-form item (<see cref="Result"/>, which becomes the new
/// base) and its projection for the remote. <see cref="HubVersion"/>/<see cref="RemoteVersion"/> are the versions seen,
/// which the writes are conditional on and the row records when a side is not written.
/// </summary>
public sealed record SyncAction(ActionKind Kind, string? HubId, string? RemoteId)
{
    public Write Hub { get; init; }
    public Write Remote { get; init; }
    public string? HubVersion { get; init; }
    public string? RemoteVersion { get; init; }
    public FieldMap? Result { get; init; }
    public FieldMap? RemoteItem { get; init; }
    public StatusRow? Row { get; init; }
    /// <summary>For <see cref="ActionKind.Conflict"/>: what waits for the user; <see cref="Result"/> is then the base.</summary>
    public PendingConflict? Conflict { get; init; }
    public RowChange RowChange { get; init; } = RowChange.Save;
    public string? Reason { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Writes => Hub != Write.None || Remote != Write.None;
}

/// <summary>What happens to the pair's status row once the writes are confirmed.</summary>
public enum RowChange { None, Save, Remove, Tombstone }

/// <summary>The planner's output for one target, with the figures the safety rails read.</summary>
public sealed record Plan(IReadOnlyList<SyncAction> Actions, int Pairs, int HubGone, int RemoteGone)
{
    /// <summary>True when the plan writes nothing and changes no status row: what a second sync must plan.</summary>
    public bool IsQuiet => Actions.All(a => a.Kind == ActionKind.Skip);
    public int Count(ActionKind kind) => Actions.Count(a => a.Kind == kind);
}
