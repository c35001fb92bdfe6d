using ContactSync.Engine.Ports;

namespace ContactSync.Hub.Backups;

/// <summary>
/// The restore's target: the engine creates a lost item with its snapshot id as the marker, and for an item that carried
/// none (the user's own contact, keyed by its old remote id) that marker would make the new copy look like ours, so the
/// next sync of the section would delete it as the copy of a hub item that is gone. Those creates go out unmarked.
/// </summary>
public sealed class UnmarkedCreates(IItemStore target, IReadOnlySet<string> unmarkedIds) : IItemStore
{
    public bool IsReadOnly => target.IsReadOnly;

    public Task<ChangeSet> ListChangesAsync(string? syncToken, CancellationToken ct = default) => target.ListChangesAsync(syncToken, ct);

    public Task<IReadOnlyList<StoredItem>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => target.GetManyAsync(ids, ct);

    /// <summary>An unmarked item has no copy to look for before it is created again.</summary>
    public async Task<IReadOnlyList<StoredItem>> FindByMarkersAsync(IReadOnlyCollection<string> markers, CancellationToken ct = default)
    {
        var ours = markers.Where(m => !unmarkedIds.Contains(m)).ToList();
        return ours.Count == 0 ? [] : await target.FindByMarkersAsync(ours, ct).ConfigureAwait(false);
    }

    /// <summary>The results carry the engine's own ops, so it lines them up as it sent them.</summary>
    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOp> ops, CancellationToken ct = default)
    {
        var sent = ops.Select(op => op is CreateOp { Marker: { } m } c && unmarkedIds.Contains(m) ? c with { Marker = null } : op).ToList();
        var results = await target.WriteAsync(sent, ct).ConfigureAwait(false);
        return [.. results.Select((r, i) => r with { Op = ops[i] })];
    }
}
