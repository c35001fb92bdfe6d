using ContactSync.Engine.Items;

namespace ContactSync.Engine.Sync;

/// <summary>
/// One item pair as last synced: both ids, both versions, and the base snapshot (hub form: everything the hub holds) with
/// its hash, which the next run compares against and three-way merges from. A row with an empty <see cref="RemoteId"/>
/// is a tombstone: the pair was unlinked (delete mode <c>unlinkOnly</c>) and the hub item must not be sent again.
/// An empty version is unknown: the next run reads that item again whatever its listing says.
/// </summary>
public sealed record StatusRow(
    string HubId, string RemoteId, string HubVersion, string RemoteVersion, string Hash, FieldMap Base,
    PendingConflict? Conflict = null)
{
    public bool IsUnlinked => RemoteId.Length == 0;

    public static StatusRow Synced(string hubId, string remoteId, string hubVersion, string remoteVersion, FieldMap @base) =>
        new(hubId, remoteId, hubVersion, remoteVersion, @base.ContentHash(), @base);

    public static StatusRow Unlinked(string hubId, string hubVersion, FieldMap @base) =>
        new(hubId, "", hubVersion, "", @base.ContentHash(), @base);
}

/// <summary>A manual conflict (M16) waiting for the user: the versions it was seen at, both sides' items then (hub form),
/// both items exactly as each side held them, and each conflicting field with its three values. The rest of the run
/// goes on; the pair waits until resolved.</summary>
public sealed record PendingConflict(
    string HubVersion, string RemoteVersion, FieldMap Hub, FieldMap Remote, FieldMap HubHeld, FieldMap RemoteHeld,
    IReadOnlyList<ConflictField> Fields);

public sealed record ConflictField(string Field, string? Base, string? Hub, string? Remote);
