using ContactSync.Engine.Items;

namespace ContactSync.Hub.Backups;

/// <summary>A snapshot's index row: the one thing that makes a snapshot visible (it is written after all its items).</summary>
public sealed record Snapshot(
    string TenantId, string TargetId, string SnapshotId, DateTimeOffset TakenAt, string Trigger, int ItemCount, string ContentHash)
{
    public const string Scheduled = "scheduled", OnDemand = "onDemand";
}

/// <summary>One item as the target held it: its remote id and version, the marker (hub id) it carried, its fields.</summary>
public sealed record SnapshotItem(string RemoteId, string Version, string? Marker, FieldMap Fields)
{
    /// <summary>How two snapshots' items are matched: the hub marker when there is one, else the remote id.</summary>
    public string Key => Marker is { Length: > 0 } m ? "m:" + m : "r:" + RemoteId;
}

/// <summary>An item too large for one table entity (1 MiB): the snapshot is refused, naming it.</summary>
public sealed class SnapshotTooLargeException(string remoteId, long bytes)
    : Exception($"Item {remoteId} needs about {bytes} bytes, more than a table entity holds (1 MiB); the snapshot was not taken");
