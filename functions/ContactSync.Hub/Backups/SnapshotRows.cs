using System.Globalization;
using ContactSync.Hub.Directory;
using ContactSync.Hub.SyncState;
using ContactSync.Storage;

namespace ContactSync.Hub.Backups;

/// <summary>
/// The two tables' rows. <c>backups</c>: PartitionKey <c>{tenant}|{target}</c>, RowKey the snapshot id (inverted ticks
/// first, so a partition reads newest first). <c>backupitems</c>: the same PartitionKey, RowKey <c>{snapshotId}|{seq}</c>,
/// so one snapshot's items are a RowKey range and a target's items can be checked for snapshots without an index row.
/// </summary>
internal static class SnapshotRows
{
    // Below the 1 MiB entity limit with room for the keys and the other properties.
    public const long MaxItemBytes = 960 * 1024;

    public static string Partition(string tenantId, string targetId) => $"{tenantId}|{targetId}";

    public static string NewId(DateTimeOffset takenAt) =>
        (DateTimeOffset.MaxValue.UtcTicks - takenAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>When the snapshot was started, read back from its id.</summary>
    public static DateTimeOffset StartedAt(string snapshotId) =>
        new(DateTimeOffset.MaxValue.UtcTicks - long.Parse(snapshotId[..19], CultureInfo.InvariantCulture), TimeSpan.Zero);

    public static string ItemRow(string snapshotId, int seq) => snapshotId + "|" + seq.ToString("D7", CultureInfo.InvariantCulture);

    public static string SnapshotOf(string itemRowKey) => itemRowKey[..itemRowKey.IndexOf('|', StringComparison.Ordinal)];

    public static TableEntity Index(Snapshot s) => new(Partition(s.TenantId, s.TargetId), s.SnapshotId)
    {
        ["takenAt"] = s.TakenAt, ["trigger"] = s.Trigger, ["itemCount"] = s.ItemCount, ["contentHash"] = s.ContentHash,
    };

    public static Snapshot ToSnapshot(string tenantId, string targetId, TableEntity e) => new(
        tenantId, targetId, e.RowKey, e.GetDateTime("takenAt") ?? default, e.GetString("trigger") ?? "",
        e.GetInt32("itemCount") ?? 0, e.GetString("contentHash") ?? "");

    public static TableEntity Item(string partition, string snapshotId, int seq, SnapshotItem item, string fieldsJson)
    {
        var bytes = 2L * (fieldsJson.Length + item.RemoteId.Length + item.Version.Length + (item.Marker?.Length ?? 0)) + 1024;
        if (bytes > MaxItemBytes) throw new SnapshotTooLargeException(item.RemoteId, bytes);
        var e = new TableEntity(partition, ItemRow(snapshotId, seq))
        {
            ["remoteId"] = item.RemoteId, ["version"] = item.Version, ["marker"] = item.Marker,
        };
        LongText.Write(e, "fields", fieldsJson);
        return e;
    }

    public static SnapshotItem ToItem(TableEntity e) => new(
        e.GetString("remoteId") ?? "", e.GetString("version") ?? "", e.GetString("marker"), FieldMapJson.Parse(LongText.Read(e, "fields")));

    /// <summary>An entity's approximate payload size, to keep a transaction under 4 MiB.</summary>
    public static long Size(TableEntity e) => 512 + e.Properties.Values.Sum(v => v is string s ? 2L * s.Length : 16);
}
