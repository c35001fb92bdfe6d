using ContactSync.Engine.Items;

namespace ContactSync.Engine.Sync;

/// <summary>
/// The truth table for an item pair that has a status row. "Changed" means the version moved AND the content differs
/// from the base; the remote is compared through the projection, so a value it could not hold is neither a change nor
/// a deletion. A side whose version moved with the same content is Same (the row is refreshed, nothing is written).
/// <code>
/// twoWay             | remote Same          | remote Changed                       | remote Gone
/// -------------------+----------------------+--------------------------------------+--------------------------------------
/// hub Same           | nothing              | UpdateHub                            | DeleteHub (propagate) / Unlink (unlinkOnly)
/// hub Changed        | UpdateRemote         | same edit: Refresh; disjoint fields: | the edit wins: CreateRemote again
///                    |                      | Merge; overlap: policy (manual:      | (remoteWins: as hub Same)
///                    |                      | Conflict; hub/remote/newestWins)     |
/// hub Gone           | DeleteRemote         | the edit wins: CreateHub again       | Forget
///                    |                      | (hubWins: DeleteRemote)              |
///
/// export (the remote mirrors the hub; a remote edit is undone, a remote delete restored)
/// hub Same/Changed   | UpdateRemote if the remote differs from the hub item        | CreateRemote
/// hub Gone           | DeleteRemote                                                | Forget
///
/// import (the hub mirrors what the remote holds; values the remote cannot hold stay in the hub)
/// hub Same/Changed   | UpdateHub if the hub differs from the remote laid over it   | DeleteHub (propagate) / Unlink
/// hub Gone           | CreateHub (again)                                           | Forget
/// </code>
/// Before the table (twoWay, export): a hub item that was in scope and is not → RemoveFromRemote (or Forget when the copy
/// is already gone), the hub keeps its item. Every result is checked against the scope the same way.
/// A pending manual conflict waits while neither side moves; when one does, it is decided again from the stored sides.
/// An unlinked row (tombstone) only goes when its hub item goes. A side gone from the row but re-created by an
/// interrupted run (an unpaired item whose marker names the other side) is that side's item: it is compared, not re-created.
/// </summary>
internal static class PairRules
{
    public static void Decide(PlanContext ctx, StatusRow row, Side h, Side r)
    {
        if (row.IsUnlinked)
        {
            if (h.State == ItemState.Gone) ctx.Actions.Add(new SyncAction(ActionKind.Forget, row.HubId, null) { Row = row, RowChange = RowChange.Remove });
            return;
        }
        var o = ctx.Options;
        // The hub item left the scope (it was in at the last sync): its copy leaves this remote, whatever else happened.
        // Checked first so that a retry after our own removal of the copy never reads it as the user's deletion.
        if (ctx.Direction != SyncDirection.Import && h.State != ItemState.Gone && o.Scope.Matches(row.Base) && !o.Scope.Matches(h.Content))
        {
            ctx.LeaveScope(row, h.Id, h, Write.None, r.Id, r, h.Content);
            return;
        }
        switch (ctx.Direction, h.State, r.State)
        {
            case (_, ItemState.Gone, ItemState.Gone):
                ctx.Actions.Add(new SyncAction(ActionKind.Forget, row.HubId, row.RemoteId) { Row = row, RowChange = RowChange.Remove });
                break;

            case (SyncDirection.TwoWay, ItemState.Same, ItemState.Same):
            case (SyncDirection.TwoWay, ItemState.Changed, ItemState.Same):
                ctx.Converge(row, h.Id, h, r.Id, r, h.Content);
                break;
            case (SyncDirection.TwoWay, ItemState.Same, ItemState.Changed):
                ctx.Converge(row, h.Id, h, r.Id, r, r.Content);
                break;
            case (SyncDirection.TwoWay, ItemState.Changed, ItemState.Changed):
                ThreeWay.Decide(ctx, row, row.Base, h.Id!, h, r.Id!, r, link: false);
                break;
            case (SyncDirection.TwoWay, ItemState.Same, ItemState.Gone):
            case (SyncDirection.TwoWay, ItemState.Changed, ItemState.Gone) when o.Policy == ConflictPolicy.RemoteWins:
                ctx.Delete(o.DeleteMode == DeleteMode.Propagate ? ActionKind.DeleteHub : ActionKind.Unlink, row, h, r);
                break;
            case (SyncDirection.TwoWay, ItemState.Changed, ItemState.Gone):
                ctx.Converge(row, h.Id, h, r.Id, r, h.Content);
                break;
            case (SyncDirection.TwoWay, ItemState.Gone, ItemState.Changed) when o.Policy != ConflictPolicy.HubWins:
                ctx.Converge(row, h.Id, h, r.Id, r, r.Content);
                break;
            case (SyncDirection.TwoWay or SyncDirection.Export, ItemState.Gone, _):
                ctx.Delete(ActionKind.DeleteRemote, row, h, r);
                break;

            case (SyncDirection.Export, _, ItemState.Gone):
                ctx.Converge(row, h.Id, h, r.Id, r, h.Content);
                break;
            case (SyncDirection.Export, _, _):
                ctx.Converge(row, h.Id, h, r.Id, r, h.Content);
                break;

            case (SyncDirection.Import, _, ItemState.Gone):
                ctx.Delete(o.DeleteMode == DeleteMode.Propagate ? ActionKind.DeleteHub : ActionKind.Unlink, row, h, r);
                break;
            case (SyncDirection.Import, ItemState.Gone, _):
                ctx.Converge(row, h.Id, h, r.Id, r, r.Content);
                break;
            case (SyncDirection.Import, _, _):
                ctx.Converge(row, h.Id, h, r.Id, r, ctx.Projection.MergeBack(h.Content, RemoteItem(ctx, row, r)));
                break;
        }
    }

    private static FieldMap RemoteItem(PlanContext ctx, StatusRow row, Side r) =>
        r.Raw?.Item ?? ctx.Projection.Project(r.State == ItemState.Same ? row.Base : r.Content).Item;
}
