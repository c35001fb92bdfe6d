using ContactSync.Engine.Items;

namespace ContactSync.Engine.Ports;

/// <summary>An item's id and the version (etag, change key) the store gave it. Listings return only these.</summary>
public sealed record ItemVersion(string Id, string Version);

/// <summary>An item as a store holds it. <paramref name="Marker"/> is the managed-item marker written with the item
/// (the id of its counterpart on the other side); <paramref name="Modified"/> serves the <c>newestWins</c> policy.</summary>
public sealed record StoredItem(string Id, string Version, FieldMap Item, string? Marker = null, DateTimeOffset? Modified = null);

/// <summary>
/// What changed since a sync token. A full listing (<paramref name="IsFullListing"/>) names every item the store holds,
/// so an item missing from it is gone; a delta names only the changed and the deleted ones. The token is opaque: only the
/// store that issued it reads it, and it answers with a full listing when the token is absent or has expired.
/// </summary>
public sealed record ChangeSet(
    IReadOnlyList<ItemVersion> Changed, IReadOnlyList<string> Deleted, bool IsFullListing, string? NextToken);
