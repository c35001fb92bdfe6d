using ContactSync.Engine.Items;

namespace ContactSync.Engine.Ports;

/// <summary>One write. Updates and deletes are conditional on the version last seen (If-Match).</summary>
public abstract record WriteOp;

/// <summary>Creates an item carrying <paramref name="Marker"/>, so that a retry can find it before creating it again.
/// Without one (a restore bringing back a user's own contact) the item is created unmarked: the user's, not a copy.</summary>
public sealed record CreateOp(FieldMap Item, string? Marker) : WriteOp;

public sealed record UpdateOp(string Id, string IfVersion, FieldMap Item) : WriteOp;

public sealed record DeleteOp(string Id, string IfVersion) : WriteOp;

/// <summary>The outcome of one write in a batch: the id and new version, or the typed error.</summary>
public sealed record WriteResult(WriteOp Op, ItemVersion? Written, ItemStoreException? Error)
{
    public bool Ok => Error is null;
    public static WriteResult Success(WriteOp op, string id, string version) => new(op, new ItemVersion(id, version), null);
    public static WriteResult Failure(WriteOp op, ItemStoreException error) => new(op, null, error);
}
