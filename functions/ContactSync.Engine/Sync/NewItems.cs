using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;

namespace ContactSync.Engine.Sync;

/// <summary>
/// Items without a status row. First a managed-item marker links an item to the counterpart it names (an earlier run
/// wrote it and stopped before saving the row); then match keys link existing items in priority order (M14: e-mail,
/// then phone + name). What stays unmatched is created on the other side where the direction allows:
/// <code>
/// unpaired           | twoWay                | export                | import
/// hub item in scope  | CreateRemote          | CreateRemote          | nothing (hub items are not sent)
/// remote item        | CreateHub (stamped    | nothing: the user's   | CreateHub (stamped), or Skip when
///                    | with the sync tag)    | own, never touched    | outside the scope
/// hub + remote match | Link: three-way merge from the fields they share; export: hub wins; import: remote wins
/// our copy, no hub   | DeleteRemote when the hub listing shows its hub item gone (not on import); else Skip
/// </code>
/// </summary>
internal static class NewItems
{
    public static void Decide(PlanContext ctx, IReadOnlyList<StoredItem> hubItems, IReadOnlyList<StoredItem> remoteItems, SideView hubView)
    {
        var scope = ctx.Options.Scope;
        var stamps = ctx.Direction != SyncDirection.Export;
        // A hub item outside the scope may still be linked when taking the target's sync tag brings it in (M10).
        var hubs = hubItems
            .Select(i => (Item: i, Content: stamps ? scope.Stamp(i.Item) : i.Item))
            .Where(x => scope.Matches(x.Content))
            .ToDictionary(x => x.Item.Id, StringComparer.Ordinal);
        var remotes = remoteItems.ToDictionary(i => i.Id, StringComparer.Ordinal);

        foreach (var (hubId, remoteId) in Matches(ctx, hubs.Values.Select(x => x.Item).ToList(), remoteItems))
        {
            var (hub, content) = hubs[hubId];
            var remote = remotes[remoteId];
            hubs.Remove(hubId);
            remotes.Remove(remoteId);
            var h = new Side(ItemState.Changed, hub.Id, hub.Version, content, hub);
            var r = new Side(ItemState.Changed, remote.Id, remote.Version, ctx.Projection.MergeBack(content, remote.Item), remote);
            var @base = ThreeWay.Common(hub.Item, r.Content);
            switch (ctx.Direction)
            {
                case SyncDirection.TwoWay: ThreeWay.Decide(ctx, null, @base, hubId, h, remoteId, r, link: true); break;
                case SyncDirection.Export: ctx.Converge(null, hubId, h with { Content = hub.Item }, remoteId, r, hub.Item, link: true); break;
                case SyncDirection.Import: ctx.Converge(null, hubId, h with { Content = hub.Item }, remoteId, r, r.Content, link: true); break;
            }
        }

        var gone = Side.Gone(FieldMap.Empty);
        if (ctx.Direction != SyncDirection.Import)
            foreach (var (hub, content) in hubs.Values.Where(x => scope.Matches(x.Item.Item)).OrderBy(x => x.Item.Id, StringComparer.Ordinal))
                ctx.Converge(null, hub.Id, new Side(ItemState.Changed, hub.Id, hub.Version, content, hub), null, gone, content);
        foreach (var copy in remotes.Values.Where(r => r.Marker is not null).OrderBy(x => x.Id, StringComparer.Ordinal).ToList())
            Orphan(ctx, copy, hubView, remotes);
        if (ctx.Direction == SyncDirection.Export) return;
        foreach (var remote in remotes.Values.OrderBy(x => x.Id, StringComparer.Ordinal))
        {
            var item = scope.Stamp(ctx.Projection.MergeBack(FieldMap.Empty, remote.Item));
            if (!scope.Matches(item)) ctx.Skip(null, remote.Id, "outside the target's scope");
            else ctx.Converge(null, null, gone, remote.Id, new Side(ItemState.Changed, remote.Id, remote.Version, item, remote), item);
        }
    }

    /// <summary>A copy this service made (it carries a hub id) that found no hub item to link to: its create was
    /// interrupted and the hub item has gone since (the listing says so: the copy goes too, unless the remote is only
    /// read), or this run does not see the hub item (a partial run, or the item is out of scope): it waits.</summary>
    private static void Orphan(PlanContext ctx, StoredItem copy, SideView hubView, Dictionary<string, StoredItem> remotes)
    {
        remotes.Remove(copy.Id);
        var hubGone = hubView.Deleted.Contains(copy.Marker!) || (hubView.IsFullListing && !hubView.Versions.ContainsKey(copy.Marker!));
        if (hubGone && ctx.Direction != SyncDirection.Import)
            ctx.Actions.Add(new SyncAction(ActionKind.DeleteRemote, null, copy.Id)
            {
                Remote = Write.Delete, RemoteVersion = copy.Version, RowChange = RowChange.None,
                Reason = $"a copy of hub item {copy.Marker}, which is gone",
            });
        else ctx.Skip(null, copy.Id, $"a copy of hub item {copy.Marker}, which this run does not see");
    }

    /// <summary>Pairs (hub id, remote id): markers first, then match keys in the hub item's priority order.</summary>
    private static IEnumerable<(string Hub, string Remote)> Matches(PlanContext ctx, List<StoredItem> hubs, IReadOnlyList<StoredItem> remotes)
    {
        var usedHub = new HashSet<string>(StringComparer.Ordinal);
        var usedRemote = new HashSet<string>(StringComparer.Ordinal);
        var hubIds = hubs.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var remoteIds = remotes.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var r in remotes)
            if (r.Marker is { } m && hubIds.Contains(m) && usedHub.Add(m) && usedRemote.Add(r.Id)) yield return (m, r.Id);
        foreach (var h in hubs)
            if (h.Marker is { } m && remoteIds.Contains(m) && !usedHub.Contains(h.Id) && usedRemote.Add(m) && usedHub.Add(h.Id)) yield return (h.Id, m);

        if (ctx.Options.MatchKeys is not { } keysOf) yield break;
        var byKey = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // Copies this service made (they carry a marker) belong to the item their marker names: never matched by key.
        foreach (var r in remotes.OrderBy(r => r.Id, StringComparer.Ordinal))
            if (!usedRemote.Contains(r.Id) && r.Marker is null)
                foreach (var key in keysOf(ctx.Projection.MergeBack(FieldMap.Empty, r.Item)))
                    (byKey.TryGetValue(key, out var list) ? list : byKey[key] = []).Add(r.Id);
        foreach (var h in hubs.OrderBy(h => h.Id, StringComparer.Ordinal))
        {
            if (usedHub.Contains(h.Id) || h.Marker is not null) continue;
            var match = keysOf(h.Item).SelectMany(k => byKey.GetValueOrDefault(k) ?? []).FirstOrDefault(id => !usedRemote.Contains(id));
            if (match is null) continue;
            usedHub.Add(h.Id);
            usedRemote.Add(match);
            yield return (h.Id, match);
        }
    }
}
