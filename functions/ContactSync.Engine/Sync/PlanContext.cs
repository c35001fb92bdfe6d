using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;

namespace ContactSync.Engine.Sync;

/// <summary>One side of a pair in this run: its state against the base, its id (null when gone), the version seen, its
/// item in hub form (for the remote: laid over the base through the projection) and the stored item when fetched.</summary>
internal readonly record struct Side(ItemState State, string? Id, string Version, FieldMap Content, StoredItem? Raw)
{
    public static Side Gone(FieldMap content) => new(ItemState.Gone, null, "", content, null);
}

/// <summary>The options of one planning run and the actions it collects.</summary>
internal sealed class PlanContext(SyncOptions options)
{
    public readonly SyncOptions Options = options;
    public readonly IProjection Projection = new HubFieldsProjection(options.Projection);
    public readonly List<SyncAction> Actions = [];

    public SyncDirection Direction => Options.Direction;

    /// <summary>
    /// Brings a pair to <paramref name="result"/> (hub form): creates the side that is gone, updates a side whose item
    /// differs, never writes a side the direction protects, and drops the remote copy when the result left the scope
    /// (the base was in it).
    /// Adds nothing when the pair is already exactly as the row says.
    /// </summary>
    public void Converge(StatusRow? row, string? hubId, Side h, string? remoteId, Side r, FieldMap result, bool link = false)
    {
        var hubWrite = h.State == ItemState.Gone ? Write.Create : result.Equals(h.Raw?.Item ?? h.Content) ? Write.None : Write.Update;
        if (Direction == SyncDirection.Export) hubWrite = Write.None;
        // Leaving the scope means it was in at the last sync: a pair linked outside it is never deleted for that.
        if (Direction != SyncDirection.Import && row is not null && Options.Scope.Matches(row.Base) && !Options.Scope.Matches(result))
        {
            LeaveScope(row, hubId, h, hubWrite, remoteId, r, result);
            return;
        }
        var projected = Projection.Project(result);
        var remoteWrite = r.State == ItemState.Gone ? Write.Create
            : projected.Item.Equals(r.Raw?.Item ?? Projection.Project(r.Content).Item) ? Write.None : Write.Update;
        if (Direction == SyncDirection.Import) remoteWrite = Write.None;
        if (hubWrite == Write.None && remoteWrite == Write.None && row is { Conflict: null }
            && row.HubVersion == h.Version && row.RemoteVersion == r.Version && row.Hash == result.ContentHash()) return;

        var kind = link ? ActionKind.Link : (hubWrite, remoteWrite) switch
        {
            (Write.Create, _) => ActionKind.CreateHub,
            (_, Write.Create) => ActionKind.CreateRemote,
            (Write.Update, Write.Update) => ActionKind.Merge,
            (Write.Update, _) => ActionKind.UpdateHub,
            (_, Write.Update) => ActionKind.UpdateRemote,
            _ => ActionKind.Refresh,
        };
        Actions.Add(new SyncAction(kind, hubId, remoteId)
        {
            Hub = hubWrite, Remote = remoteWrite, HubVersion = h.Version, RemoteVersion = r.Version, Row = row,
            Result = result, RemoteItem = remoteWrite == Write.None ? null : projected.Item,
            Warnings = remoteWrite == Write.None ? [] : projected.Warnings,
        });
    }

    /// <summary>The result is outside the target's scope: the hub keeps (and takes) its item, the remote copy goes.</summary>
    public void LeaveScope(StatusRow? row, string? hubId, Side h, Write hubWrite, string? remoteId, Side r, FieldMap result)
    {
        if (hubWrite == Write.Create) hubWrite = Write.None;
        var remoteWrite = r.State == ItemState.Gone || remoteId is null ? Write.None : Write.Delete;
        if (row is null && remoteWrite == Write.None) return;
        Actions.Add(new SyncAction(remoteWrite == Write.None ? ActionKind.Forget : ActionKind.RemoveFromRemote, hubId, remoteId)
        {
            Hub = hubWrite, Remote = remoteWrite, HubVersion = h.Version, RemoteVersion = r.Version, Row = row,
            Result = result, RowChange = row is null ? RowChange.None : RowChange.Remove,
            Reason = "outside the target's scope",
        });
    }

    public void Delete(ActionKind kind, StatusRow row, Side h, Side r) => Actions.Add(new SyncAction(kind, h.Id ?? row.HubId, r.Id ?? row.RemoteId)
    {
        Hub = kind == ActionKind.DeleteHub ? Write.Delete : Write.None,
        Remote = kind == ActionKind.DeleteRemote ? Write.Delete : Write.None,
        HubVersion = h.Version, RemoteVersion = r.Version, Row = row,
        RowChange = kind == ActionKind.Unlink ? RowChange.Tombstone : RowChange.Remove,
    });

    public void Skip(string? hubId, string? remoteId, string reason) =>
        Actions.Add(new SyncAction(ActionKind.Skip, hubId, remoteId) { RowChange = RowChange.None, Reason = reason });
}
