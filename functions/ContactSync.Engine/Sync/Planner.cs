using ContactSync.Engine.Ports;

namespace ContactSync.Engine.Sync;

/// <summary>
/// The planner: <see cref="Plan"/> turns (status rows, hub side, remote side, options) into actions. Pure: no I/O, no
/// clock. Rows whose versions did not move are passed over without touching their content, so planning costs one
/// dictionary lookup per unchanged pair. The rules are in <see cref="PairRules"/> (pairs) and <see cref="NewItems"/>.
/// </summary>
public static class Planner
{
    public static Plan Plan(IReadOnlyList<StatusRow> rows, SideView hub, SideView remote, SyncOptions options)
    {
        var ctx = new PlanContext(options);
        var pairedHub = new HashSet<string>(rows.Count, StringComparer.Ordinal);
        var pairedRemote = new HashSet<string>(rows.Count, StringComparer.Ordinal);
        int pairs = 0, hubGone = 0, remoteGone = 0;
        foreach (var row in rows)
        {
            pairedHub.Add(row.HubId);
            if (row.IsUnlinked) continue;
            pairedRemote.Add(row.RemoteId);
            pairs++;
        }

        var everyRow = hub.IsFullListing || remote.IsFullListing;
        foreach (var row in rows)
        {
            if (!everyRow && !hub.Mentions(row.HubId) && !remote.Mentions(row.RemoteId)) continue;
            var hubMoved = hub.Moved(row.HubId, row.HubVersion);
            var remoteMoved = !row.IsUnlinked && remote.Moved(row.RemoteId, row.RemoteVersion);
            if (!hubMoved && !remoteMoved) continue;
            if (row.Conflict is { } c && !hub.Moved(row.HubId, c.HubVersion) && !remote.Moved(row.RemoteId, c.RemoteVersion)) continue;

            var h = HubSide(hub, row);
            var r = row.IsUnlinked ? h : RemoteSide(ctx, remote, row);
            if (row.Conflict is { } pending) (h, r) = (Pending(h, pending.Hub, row), Pending(r, pending.Remote, row));
            if (h.State == ItemState.Gone) hubGone++;
            if (r.State == ItemState.Gone && !row.IsUnlinked) remoteGone++;
            PairRules.Decide(ctx, row, h, r);
        }

        NewItems.Decide(ctx, Unpaired(hub, pairedHub), Unpaired(remote, pairedRemote));
        return new Plan(ctx.Actions, pairs, hubGone, remoteGone);
    }

    private static Side HubSide(SideView hub, StatusRow row)
    {
        var version = hub.VersionOf(row.HubId, row.HubVersion);
        if (version is null) return new Side(ItemState.Gone, "", row.Base, null);
        if (version == row.HubVersion) return new Side(ItemState.Same, version, row.Base, null);
        if (!hub.Items.TryGetValue(row.HubId, out var item)) return new Side(ItemState.Gone, "", row.Base, null);
        var same = item.Item.ContentHash() == row.Hash;
        return new Side(same ? ItemState.Same : ItemState.Changed, item.Version, same ? row.Base : item.Item, item);
    }

    private static Side RemoteSide(PlanContext ctx, SideView remote, StatusRow row)
    {
        var version = remote.VersionOf(row.RemoteId, row.RemoteVersion);
        if (version is null) return new Side(ItemState.Gone, "", row.Base, null);
        if (version == row.RemoteVersion) return new Side(ItemState.Same, version, row.Base, null);
        if (!remote.Items.TryGetValue(row.RemoteId, out var item)) return new Side(ItemState.Gone, "", row.Base, null);
        var content = ctx.Projection.MergeBack(row.Base, item.Item);
        var same = content.ContentHash() == row.Hash;
        return new Side(same ? ItemState.Same : ItemState.Changed, item.Version, same ? row.Base : content, item);
    }

    /// <summary>A side that has not moved since the conflict was seen still holds what it held then.</summary>
    private static Side Pending(Side side, Items.FieldMap then, StatusRow row) =>
        side.State == ItemState.Gone || side.Raw is not null ? side
            : side with { State = then.ContentHash() == row.Hash ? ItemState.Same : ItemState.Changed, Content = then };

    private static List<StoredItem> Unpaired(SideView side, HashSet<string> paired)
    {
        var list = new List<StoredItem>();
        foreach (var id in side.Versions.Keys)
            if (!paired.Contains(id) && !side.Deleted.Contains(id) && side.Items.TryGetValue(id, out var item)) list.Add(item);
        return list;
    }
}
