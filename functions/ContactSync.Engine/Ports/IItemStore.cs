namespace ContactSync.Engine.Ports;

/// <summary>
/// The one port every side implements: the hub, a Graph mailbox, a device. Versions first, content later: list what
/// changed, then fetch only the items the planner needs. Every update and delete is conditional on the version last seen.
/// </summary>
public interface IItemStore
{
    /// <summary>A read-only store refuses every write with <see cref="ReadOnlyStoreException"/>.</summary>
    bool IsReadOnly { get; }

    /// <summary>Changes since <paramref name="syncToken"/>; a full listing when it is null or expired.</summary>
    Task<ChangeSet> ListChangesAsync(string? syncToken, CancellationToken ct = default);

    /// <summary>The items with these ids; ids that no longer exist are left out.</summary>
    Task<IReadOnlyList<StoredItem>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    /// <summary>The items carrying any of these managed-item markers.</summary>
    Task<IReadOnlyList<StoredItem>> FindByMarkersAsync(IReadOnlyCollection<string> markers, CancellationToken ct = default);

    /// <summary>Applies the writes (a store may send them as one batch) and returns one result per write, in order.
    /// A failed write is a result with a typed error, never an exception that loses the others.</summary>
    Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOp> ops, CancellationToken ct = default);
}
