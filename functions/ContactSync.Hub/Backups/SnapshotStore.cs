using System.Security.Cryptography;
using System.Text;
using ContactSync.Engine.Ports;
using ContactSync.Hub.Directory;
using ContactSync.Storage;

namespace ContactSync.Hub.Backups;

/// <summary>
/// Snapshots of a target's contacts (M23), read through the engine's <see cref="IItemStore"/> port so a mailbox, a device
/// API and a CardDAV book are backed up alike. Items go first, in entity-group transactions of at most 100 rows (and under
/// 4 MiB); the index row goes last, so a crash leaves only invisible rows, which <see cref="PruneAsync"/> removes.
/// </summary>
public sealed class SnapshotStore(ITableStore tables, TimeProvider? clock = null)
{
    private const int ReadChunk = 100;
    private const long MaxBatchBytes = 3L * 1024 * 1024;
    /// <summary>Items without an index row older than this belong to a snapshot that died, not one being written.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task CreateTablesAsync(CancellationToken ct = default)
    {
        await tables.CreateTableIfNotExistsAsync(HubTables.Backups, ct);
        await tables.CreateTableIfNotExistsAsync(HubTables.BackupItems, ct);
    }

    /// <summary>Reads every item of <paramref name="source"/> (a full listing, then the contents) and stores them.</summary>
    public async Task<Snapshot> TakeAsync(string tenantId, string targetId, IItemStore source, string trigger, CancellationToken ct = default)
    {
        var listing = await source.ListChangesAsync(null, ct);
        var ids = listing.Changed.Select(v => v.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var items = new List<SnapshotItem>(ids.Count);
        foreach (var chunk in ids.Chunk(ReadChunk))
            items.AddRange((await source.GetManyAsync(chunk, ct)).Select(s => new SnapshotItem(s.Id, s.Version, s.Marker, s.Item)));
        return await SaveAsync(tenantId, targetId, items.OrderBy(i => i.RemoteId, StringComparer.Ordinal).ToList(), trigger, ct);
    }

    /// <summary>Stores the items, then the index row that makes the snapshot visible.</summary>
    public async Task<Snapshot> SaveAsync(string tenantId, string targetId, IReadOnlyList<SnapshotItem> items, string trigger, CancellationToken ct = default)
    {
        var takenAt = _clock.GetUtcNow();
        var id = SnapshotRows.NewId(takenAt);
        var partition = SnapshotRows.Partition(tenantId, targetId);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var batch = new List<TableOperation>();
        long batchBytes = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var json = FieldMapJson.Serialize(items[i].Fields);
            hash.AppendData(Encoding.UTF8.GetBytes($"{items[i].RemoteId}\n{items[i].Marker}\n{json}\n"));
            var e = SnapshotRows.Item(partition, id, i, items[i], json);
            var size = SnapshotRows.Size(e);
            if (batch.Count == 100 || batchBytes + size > MaxBatchBytes) { await tables.SubmitTransactionAsync(HubTables.BackupItems, batch, ct); batch = []; batchBytes = 0; }
            batch.Add(TableOperation.Insert(e));
            batchBytes += size;
        }
        if (batch.Count > 0) await tables.SubmitTransactionAsync(HubTables.BackupItems, batch, ct);
        var snapshot = new Snapshot(tenantId, targetId, id, takenAt, trigger, items.Count, Convert.ToHexStringLower(hash.GetHashAndReset()));
        await tables.InsertAsync(HubTables.Backups, SnapshotRows.Index(snapshot), ct);
        return snapshot;
    }

    /// <summary>The target's snapshots, newest first.</summary>
    public async Task<IReadOnlyList<Snapshot>> ListAsync(string tenantId, string targetId, CancellationToken ct = default)
    {
        var list = new List<Snapshot>();
        await foreach (var e in tables.QueryAsync(HubTables.Backups, new TableQuery(TableFilter.Partition(SnapshotRows.Partition(tenantId, targetId))), ct))
            list.Add(SnapshotRows.ToSnapshot(tenantId, targetId, e));
        return list;
    }

    public async Task<Snapshot?> GetAsync(string tenantId, string targetId, string snapshotId, CancellationToken ct = default) =>
        await tables.GetAsync(HubTables.Backups, SnapshotRows.Partition(tenantId, targetId), snapshotId, ct) is { } e
            ? SnapshotRows.ToSnapshot(tenantId, targetId, e)
            : null;

    /// <summary>A listed snapshot's items in the order they were stored.</summary>
    public async Task<IReadOnlyList<SnapshotItem>> ItemsAsync(Snapshot snapshot, CancellationToken ct = default)
    {
        var items = new List<SnapshotItem>(snapshot.ItemCount);
        await foreach (var e in QueryItemsAsync(SnapshotRows.Partition(snapshot.TenantId, snapshot.TargetId), snapshot.SnapshotId, null, ct))
            items.Add(SnapshotRows.ToItem(e));
        return items;
    }

    /// <summary>Keeps the newest <paramref name="keepLast"/> snapshots: an older one loses its index row first (it is no
    /// longer listed), then its items. Items of abandoned snapshots (no index row, older than an hour) go too.
    /// Returns the ids of the snapshots removed.</summary>
    public async Task<IReadOnlyList<string>> PruneAsync(string tenantId, string targetId, int keepLast, CancellationToken ct = default)
    {
        var partition = SnapshotRows.Partition(tenantId, targetId);
        var listed = await ListAsync(tenantId, targetId, ct);
        var removed = new List<string>();
        foreach (var old in listed.Skip(Math.Max(1, keepLast)))
        {
            await tables.DeleteAsync(HubTables.Backups, partition, old.SnapshotId, ct: ct);
            await DeleteItemsAsync(partition, old.SnapshotId, ct);
            removed.Add(old.SnapshotId);
        }
        var kept = listed.Select(s => s.SnapshotId).ToHashSet(StringComparer.Ordinal);
        var cutoff = _clock.GetUtcNow() - AbandonedAfter;
        var stray = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in tables.QueryAsync(HubTables.BackupItems, new TableQuery(TableFilter.Partition(partition), ["RowKey"]), ct))
            if (SnapshotRows.SnapshotOf(e.RowKey) is var sid && !kept.Contains(sid) && SnapshotRows.StartedAt(sid) < cutoff) stray.Add(sid);
        foreach (var sid in stray.Except(removed))
        {
            await DeleteItemsAsync(partition, sid, ct);
            removed.Add(sid);
        }
        return removed;
    }

    private async Task DeleteItemsAsync(string partition, string snapshotId, CancellationToken ct)
    {
        var keys = new List<string>();
        await foreach (var e in QueryItemsAsync(partition, snapshotId, ["RowKey"], ct)) keys.Add(e.RowKey);
        foreach (var chunk in keys.Chunk(100))
            await tables.SubmitTransactionAsync(HubTables.BackupItems, chunk.Select(k => TableOperation.Delete(partition, k)).ToList(), ct);
    }

    private IAsyncEnumerable<TableEntity> QueryItemsAsync(string partition, string snapshotId, IReadOnlyList<string>? select, CancellationToken ct) =>
        tables.QueryAsync(HubTables.BackupItems, new TableQuery(
            TableFilter.And(TableFilter.Partition(partition), TableFilter.StartsWith("RowKey", snapshotId + "|")), select), ct);
}
