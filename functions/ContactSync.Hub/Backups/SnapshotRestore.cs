using ContactSync.Engine.InMemory;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Sync;

namespace ContactSync.Hub.Backups;

/// <summary>How a restore treats the target's items that are not in the snapshot: kept (additive) or removed (exact).</summary>
public enum RestoreMode { Additive, Exact }

/// <summary>What a restore did: the engine's report, and the items an exact restore removed beyond it.</summary>
public sealed record RestoreResult(RunReport Report, int Removed, IReadOnlyList<ItemError> RemoveErrors);

/// <summary>
/// Restores a snapshot through the engine (direction export, the snapshot as the read-only source), so only what differs
/// is written: items still equal are left alone, changed ones updated, lost ones re-created. The rails that guard a sync
/// against an emptied side are off (an emptied target is what a restore is for); the user's own items come back
/// unmarked (<see cref="UnmarkedCreates"/>). An exact restore then deletes the
/// target's items the engine did not pair with a snapshot item, each conditional on the version just listed.
/// </summary>
public static class SnapshotRestore
{
    // E-mail, then phone + name (M14); last the whole content, so an item with neither that an earlier restore
    // re-created under a new id is found again instead of created twice.
    private static IReadOnlyList<string> MatchKeys(FieldMap item) =>
        [.. Engine.Normalisation.ContactMatchKeys.Of(item), "content:" + item.ContentHash()];

    public static async Task<RestoreResult> RunAsync(IReadOnlyList<SnapshotItem> items, IItemStore target, bool sameTarget, RestoreMode mode,
        IProjection? projection = null, CancellationToken ct = default, Func<int, int, CancellationToken, Task>? progress = null)
    {
        // On the same target a user's own item links to the item still there by its id; one re-created since (by an
        // earlier restore) has a new id and is found by its e-mail or phone + name, as on another target.
        IReadOnlySet<string> stillThere = sameTarget
            ? (await target.ListChangesAsync(null, ct)).Changed.Select(v => v.Id).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();
        var source = new SnapshotItemStore(items, stillThere, fullListing: mode == RestoreMode.Exact);
        var pairs = new InMemoryStatusStore();
        var options = new SyncOptions
        {
            Direction = SyncDirection.Export, Policy = ConflictPolicy.HubWins, DeleteMode = DeleteMode.UnlinkOnly,
            Projection = projection ?? IdentityProjection.Instance, MatchKeys = MatchKeys,
            Rails = new RailOptions { StopWhenSideEmpty = false, MassDeleteShare = 1.0 }, Progress = progress,
        };
        var unmarked = items.Where(i => i.Marker is not { Length: > 0 }).Select(SnapshotItemStore.IdOf).ToHashSet(StringComparer.Ordinal);
        var report = await new SyncEngine(source, new UnmarkedCreates(target, unmarked), pairs).RunAsync(options, ct: ct);
        if (mode != RestoreMode.Exact) return new RestoreResult(report, 0, []);

        var kept = pairs.Rows.Select(r => r.RemoteId).ToHashSet(StringComparer.Ordinal);
        var listing = await target.ListChangesAsync(null, ct);
        var extra = listing.Changed.Where(v => !kept.Contains(v.Id)).Select(v => (WriteOp)new DeleteOp(v.Id, v.Version)).ToList();
        var errors = new List<ItemError>();
        var removed = 0;
        foreach (var chunk in extra.Chunk(options.BatchSize))
            foreach (var result in await target.WriteAsync(chunk, ct))
                if (result.Ok) removed++;
                else errors.Add(new ItemError(ActionKind.DeleteRemote, null, ((DeleteOp)result.Op).Id, result.Error!.Message, result.Error.RemoteMessage));
        return new RestoreResult(report, removed, errors);
    }
}
