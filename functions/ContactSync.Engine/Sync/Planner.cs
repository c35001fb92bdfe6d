using ContactSync.Engine.Items;
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
        var (newHub, interruptedHub) = Unpaired(hub, pairedHub, pairedRemote);
        var (newRemote, interruptedRemote) = Unpaired(remote, pairedRemote, pairedHub);

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
            // A side created by an interrupted run for this pair (found by its marker) is the pair's item on that side.
            if (h.State == ItemState.Gone && !row.IsUnlinked && interruptedHub.Remove(row.RemoteId, out var hx))
                h = Compare(row, hx, hx.Item);
            if (r.State == ItemState.Gone && !row.IsUnlinked && interruptedRemote.Remove(row.HubId, out var rx))
                r = Compare(row, rx, ctx.Projection.MergeBack(row.Base, rx.Item));
            if (row.Conflict is { } pending) (h, r) = (Pending(h, pending.Hub, pending.HubHeld, row), Pending(r, pending.Remote, pending.RemoteHeld, row));
            if (h.State == ItemState.Gone) hubGone++;
            if (r.State == ItemState.Gone && !row.IsUnlinked) remoteGone++;
            PairRules.Decide(ctx, row, h, r);
        }
        foreach (var x in interruptedHub.Values) ctx.Skip(x.Id, null, $"an interrupted create for the pair of {x.Marker}");
        foreach (var x in interruptedRemote.Values) ctx.Skip(null, x.Id, $"an interrupted create for the pair of {x.Marker}");

        NewItems.Decide(ctx, newHub, newRemote, hub);
        return new Plan(ctx.Actions, pairs, hubGone, remoteGone);
    }

    private static Side HubSide(SideView hub, StatusRow row)
    {
        var seen = row.Conflict?.HubVersion ?? row.HubVersion;
        var version = hub.VersionOf(row.HubId, seen);
        if (version is null) return Side.Gone(row.Base);
        if (version == row.HubVersion || (version == seen && !hub.Items.ContainsKey(row.HubId)))
            return new Side(ItemState.Same, row.HubId, version, row.Base, null);
        return hub.Items.TryGetValue(row.HubId, out var item) ? Compare(row, item, item.Item) : Side.Gone(row.Base);
    }

    private static Side RemoteSide(PlanContext ctx, SideView remote, StatusRow row)
    {
        var seen = row.Conflict?.RemoteVersion ?? row.RemoteVersion;
        var version = remote.VersionOf(row.RemoteId, seen);
        if (version is null) return Side.Gone(row.Base);
        if (version == row.RemoteVersion || (version == seen && !remote.Items.ContainsKey(row.RemoteId)))
            return new Side(ItemState.Same, row.RemoteId, version, row.Base, null);
        return remote.Items.TryGetValue(row.RemoteId, out var item)
            ? Compare(row, item, ctx.Projection.MergeBack(row.Base, item.Item)) : Side.Gone(row.Base);
    }

    /// <summary>Changed only when the content (in hub form) differs from the base, whatever the version did.</summary>
    private static Side Compare(StatusRow row, StoredItem item, FieldMap content)
    {
        var same = content.ContentHash() == row.Hash;
        return new Side(same ? ItemState.Same : ItemState.Changed, item.Id, item.Version, same ? row.Base : content, item);
    }

    /// <summary>A side that has not moved since the conflict was seen still holds what it held then (a delta does not
    /// mention it, and its content was not fetched): the version and item the conflict recorded.</summary>
    private static Side Pending(Side side, FieldMap then, FieldMap held, StatusRow row) =>
        side.State == ItemState.Gone || side.Raw is not null ? side : side with
        {
            State = then.ContentHash() == row.Hash ? ItemState.Same : ItemState.Changed, Content = then,
            Raw = new StoredItem(side.Id!, side.Version, held),
        };

    /// <summary>Items without a row, and apart from them (keyed by marker) those whose marker names an item that has a
    /// row: the copy an interrupted run created for that pair before it could save the row.</summary>
    private static (List<StoredItem> New, Dictionary<string, StoredItem> Interrupted) Unpaired(
        SideView side, HashSet<string> paired, HashSet<string> pairedOther)
    {
        var list = new List<StoredItem>();
        var interrupted = new Dictionary<string, StoredItem>(StringComparer.Ordinal);
        foreach (var id in side.Versions.Keys)
        {
            if (paired.Contains(id) || side.Deleted.Contains(id) || !side.Items.TryGetValue(id, out var item)) continue;
            if (item.Marker is { } m && pairedOther.Contains(m)) interrupted.TryAdd(m, item);
            else list.Add(item);
        }
        return (list, interrupted);
    }
}
