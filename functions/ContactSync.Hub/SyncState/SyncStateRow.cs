using ContactSync.Storage;

namespace ContactSync.Hub.SyncState;

/// <summary>The <c>syncstate</c> row of a (tenant, target, section): PartitionKey <c>{tenant}|{target}</c>, RowKey the
/// section. Several writers share it (tokens, schedule, lease, progress, last run), so every change is a read, an edit
/// and a replace conditional on the ETag, retried on contention: no writer loses another's properties.</summary>
internal static class SyncStateRow
{
    private const int MaxAttempts = 20;

    public static Task<TableEntity?> GetAsync(ITableStore tables, SyncKey key, CancellationToken ct) =>
        tables.GetAsync(HubTables.SyncState, key.TargetPartition, key.Section, ct);

    /// <summary>Applies <paramref name="edit"/> to the row (a new empty one when missing) and saves it; an edit that
    /// returns false saves nothing. Returns whether it saved.</summary>
    public static async Task<bool> EditAsync(ITableStore tables, SyncKey key, Func<TableEntity, bool> edit, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await GetAsync(tables, key, ct);
            var row = new TableEntity(key.TargetPartition, key.Section)
            {
                Properties = current is null ? new(StringComparer.Ordinal) : new(current.Properties, StringComparer.Ordinal),
            };
            if (!edit(row)) return false;
            try
            {
                if (current is null) await tables.InsertAsync(HubTables.SyncState, row, ct);
                else await tables.UpdateAsync(HubTables.SyncState, row, current.ETag!, ct: ct);
                return true;
            }
            catch (StorageException e) when (e.Kind is StorageErrorKind.Conflict or StorageErrorKind.PreconditionFailed or StorageErrorKind.NotFound)
            {
                // Someone else changed the row between the read and the write: read it again.
            }
        }
        throw new StorageException(StorageErrorKind.PreconditionFailed, 412, "UpdateConditionNotSatisfied",
            $"The sync state of {key} stayed contended after {MaxAttempts} attempts.");
    }
}
