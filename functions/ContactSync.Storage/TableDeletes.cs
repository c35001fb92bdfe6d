namespace ContactSync.Storage;

/// <summary>Deleting many rows at once: entity-group transactions of up to 100 per partition, each delete conditional
/// on the ETag the row was read with. A row already gone (another pass took it) or written since it was read (no
/// longer what the caller chose) is skipped rather than failing the pass, so two overlapping passes both finish.</summary>
public static class TableDeletes
{
    /// <summary>Deletes <paramref name="rows"/> (as read: keys and ETag; no ETag deletes whatever is there) and returns
    /// how many this call removed.</summary>
    public static async Task<int> DeleteRowsAsync(this ITableStore tables, string table, IEnumerable<TableEntity> rows,
        CancellationToken ct = default)
    {
        var removed = 0;
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
            foreach (var chunk in partition.Chunk(TableRules.MaxBatchOperations))
                removed += await DeleteChunkAsync(tables, table,
                    [.. chunk.Select(r => TableOperation.Delete(r.PartitionKey, r.RowKey, r.ETag ?? "*"))], ct);
        return removed;
    }

    // A transaction is all or nothing and names the operation that failed: leave that row out and send the rest again.
    private static async Task<int> DeleteChunkAsync(ITableStore tables, string table, List<TableOperation> ops, CancellationToken ct)
    {
        while (ops.Count > 0)
        {
            try
            {
                await tables.SubmitTransactionAsync(table, ops, ct);
                return ops.Count;
            }
            catch (StorageException e) when (e.Kind is StorageErrorKind.NotFound or StorageErrorKind.PreconditionFailed
                && e.ErrorCode != "TableNotFound" && e.OperationIndex is { } i && i >= 0 && i < ops.Count)
            {
                ops.RemoveAt(i);
            }
        }
        return 0;
    }
}
