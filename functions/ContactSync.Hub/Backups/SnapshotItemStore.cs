using ContactSync.Engine.Ports;

namespace ContactSync.Hub.Backups;

/// <summary>
/// A snapshot as the engine's read-only source side for a restore. An item's id is its hub marker when it carried one
/// (so the target's copies, which carry the same marker, link to it and a re-created copy carries it again), else its
/// remote id. An unmarked item whose remote id is <paramref name="stillThere"/> (a restore to the same target) gives that
/// id as its marker, so the engine links it to that item; any other is left to the match keys. <paramref name="fullListing"/>
/// says whether items missing from the snapshot count as gone (an exact restore removes the target's copies of them).
/// </summary>
public sealed class SnapshotItemStore(IReadOnlyList<SnapshotItem> items, IReadOnlySet<string> stillThere, bool fullListing) : IItemStore
{
    private readonly Dictionary<string, StoredItem> _items = items
        .GroupBy(IdOf, StringComparer.Ordinal)
        .Select(g => g.First())
        .ToDictionary(IdOf, i => new StoredItem(IdOf(i), i.Version, i.Fields, i.Marker is null && stillThere.Contains(i.RemoteId) ? i.RemoteId : null),
            StringComparer.Ordinal);

    public bool IsReadOnly => true;

    public static string IdOf(SnapshotItem item) => item.Marker is { Length: > 0 } m ? m : item.RemoteId;

    public Task<ChangeSet> ListChangesAsync(string? syncToken, CancellationToken ct = default) =>
        Task.FromResult(new ChangeSet(_items.Values.Select(i => new ItemVersion(i.Id, i.Version)).ToList(), [], fullListing, null));

    public Task<IReadOnlyList<StoredItem>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<StoredItem>>(ids.Distinct(StringComparer.Ordinal).Where(_items.ContainsKey).Select(i => _items[i]).ToList());

    public Task<IReadOnlyList<StoredItem>> FindByMarkersAsync(IReadOnlyCollection<string> markers, CancellationToken ct = default)
    {
        var set = markers.ToHashSet(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<StoredItem>>(_items.Values.Where(i => i.Marker is { } m && set.Contains(m)).ToList());
    }

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOp> ops, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<WriteResult>>(ops.Select(op => WriteResult.Failure(op, new ReadOnlyStoreException("snapshot"))).ToList());
}
