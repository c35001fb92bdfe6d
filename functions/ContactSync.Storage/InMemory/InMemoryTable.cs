namespace ContactSync.Storage;

/// <summary>One table of <see cref="InMemoryTableStore"/>: rows in service order (PartitionKey, RowKey, ordinal) and the
/// write semantics of the service. Operations are staged and committed together, so a batch is all or nothing.
/// Not thread-safe: the store holds its lock.</summary>
internal sealed class InMemoryTable(Func<DateTimeOffset> nextStamp)
{
    public SortedDictionary<(string Pk, string Rk), TableEntity> Rows { get; } = new(KeyOrder.Instance);

    /// <summary>Applies every operation or none; returns each one's new ETag (null for deletes).</summary>
    public IReadOnlyList<string?> Apply(IReadOnlyList<TableOperation> operations, string? batchOf = null)
    {
        var staged = new Dictionary<(string, string), TableEntity?>();
        var etags = new List<string?>();
        for (var i = 0; i < operations.Count; i++)
        {
            try
            {
                etags.Add(Stage(staged, operations[i]));
            }
            catch (StorageException e) when (batchOf is not null)
            {
                throw new StorageException(e.Kind, e.Status, e.ErrorCode, $"Transaction on table {batchOf}, operation {i} failed: {e.Message}")
                { OperationIndex = i };
            }
        }
        foreach (var (key, entity) in staged)
            if (entity is null) Rows.Remove(key); else Rows[key] = entity;
        return etags;
    }

    private string? Stage(Dictionary<(string, string), TableEntity?> staged, TableOperation op)
    {
        var key = (op.Entity.PartitionKey, op.Entity.RowKey);
        var current = staged.TryGetValue(key, out var s) ? s : Rows.GetValueOrDefault(key);
        var id = TableRules.Id(op.Entity);
        if (op.Kind == TableOperationKind.Insert && current is not null)
            throw new StorageException(StorageErrorKind.Conflict, 409, "EntityAlreadyExists", $"The specified entity already exists ({id}).");
        if (op.Kind is TableOperationKind.Update or TableOperationKind.Delete)
        {
            if (current is null) throw new StorageException(StorageErrorKind.NotFound, 404, "ResourceNotFound", $"The specified resource does not exist ({id}).");
            if (op.IfMatch != "*" && op.IfMatch != current.ETag)
                throw new StorageException(StorageErrorKind.PreconditionFailed, 412, "UpdateConditionNotSatisfied",
                    $"The update condition specified in the request was not satisfied ({id}).");
        }
        if (op.Kind == TableOperationKind.Delete)
        {
            staged[key] = null;
            return null;
        }
        var stamp = nextStamp();
        var etag = $"W/\"datetime'{Uri.EscapeDataString(EntityJson.FormatDate(stamp))}'\"";
        TableEntity stored;
        if (op.Mode == WriteMode.Merge && current is not null)
        {
            stored = StoredEntity.Copy(current, etag, stamp);
            StoredEntity.MergeInto(stored, op.Entity);
            TableRules.CheckEntity(stored); // a merge can push an entity over the limits
        }
        else stored = StoredEntity.Copy(op.Entity, etag, stamp);
        staged[key] = stored;
        return etag;
    }

    public sealed class KeyOrder : IComparer<(string Pk, string Rk)>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare((string Pk, string Rk) x, (string Pk, string Rk) y)
        {
            var c = string.CompareOrdinal(x.Pk, y.Pk);
            return c != 0 ? c : string.CompareOrdinal(x.Rk, y.Rk);
        }
    }
}
