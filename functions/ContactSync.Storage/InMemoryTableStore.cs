using System.Runtime.CompilerServices;

namespace ContactSync.Storage;

/// <summary>A Table store in memory that enforces the service's rules: ETags change on every write, a stale ETag is a
/// PreconditionFailed, insert of an existing entity a Conflict, key/property/size and batch limits, pages of at most
/// 1,000 (or $top) with continuations, a typed $filter subset (<see cref="ODataFilter"/>). Safe for concurrent use.</summary>
public sealed class InMemoryTableStore(TimeProvider? time = null) : ITableStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InMemoryTable> _tables = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset _lastStamp;

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken ct = default)
    {
        TableRules.CheckTableName(table);
        lock (_gate) _tables.TryAdd(table, new InMemoryTable(NextStamp));
        return Task.CompletedTask;
    }

    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken ct = default)
    {
        TableRules.CheckKeys(partitionKey, rowKey);
        lock (_gate)
        {
            var found = Table(table).Rows.TryGetValue((partitionKey, rowKey), out var e);
            return Task.FromResult(found ? StoredEntity.Copy(e!, e!.ETag, e.Timestamp) : null);
        }
    }

    public Task<string> InsertAsync(string table, TableEntity entity, CancellationToken ct = default) =>
        Single(table, TableOperation.Insert(entity));

    public Task<string> UpsertAsync(string table, TableEntity entity, WriteMode mode = WriteMode.Replace, CancellationToken ct = default) =>
        Single(table, TableOperation.Upsert(entity, mode));

    public Task<string> UpdateAsync(string table, TableEntity entity, string ifMatch, WriteMode mode = WriteMode.Replace,
        CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(ifMatch)) throw TableRules.Bad("InvalidInput", "Update needs an ETag or '*' in ifMatch.");
        return Single(table, TableOperation.Update(entity, ifMatch, mode));
    }

    public Task DeleteAsync(string table, string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default) =>
        Single(table, TableOperation.Delete(partitionKey, rowKey, string.IsNullOrEmpty(ifMatch) ? "*" : ifMatch));

    public Task<TablePage> QueryPageAsync(string table, TableQuery query, TableContinuation? continuation = null, CancellationToken ct = default)
    {
        TableRules.CheckTop(query.Top);
        var predicate = ODataFilter.Parse(query.Filter);
        var size = query.Top ?? TableRules.MaxPageSize;
        lock (_gate)
        {
            var matches = Table(table).Rows
                .Where(kv => continuation is null || InMemoryTable.KeyOrder.Instance.Compare(kv.Key, (continuation.NextPartitionKey, continuation.NextRowKey ?? "")) >= 0)
                .Where(kv => predicate(kv.Value))
                .Take(size + 1)
                .ToList();
            var page = matches.Take(size).Select(kv => StoredEntity.Copy(kv.Value, kv.Value.ETag, kv.Value.Timestamp, query.Select)).ToList();
            var next = matches.Count > size ? new TableContinuation(matches[size].Key.Pk, matches[size].Key.Rk) : null;
            return Task.FromResult(new TablePage(page, next));
        }
    }

    public async IAsyncEnumerable<TableEntity> QueryAsync(string table, TableQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        TableContinuation? continuation = null;
        do
        {
            var page = await QueryPageAsync(table, query, continuation, ct);
            foreach (var e in page.Entities) yield return e;
            continuation = page.Continuation;
        } while (continuation is not null);
    }

    public Task<IReadOnlyList<string?>> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken ct = default)
    {
        TableRules.CheckTableName(table);
        // Built only to hold the payload to the same 4 MiB limit the HTTP client checks.
        TableBatch.Create($"http://127.0.0.1:10002/devstoreaccount1/{table}", operations);
        lock (_gate) return Task.FromResult(Table(table).Apply(operations, batchOf: table));
    }

    private Task<string> Single(string table, TableOperation op)
    {
        TableRules.CheckTableName(table);
        if (op.Kind == TableOperationKind.Delete) TableRules.CheckKeys(op.Entity.PartitionKey, op.Entity.RowKey);
        else TableRules.CheckEntity(op.Entity);
        lock (_gate) return Task.FromResult(Table(table).Apply([op])[0] ?? "");
    }

    // Strictly increasing, so two writes in the same tick still get different ETags.
    private DateTimeOffset NextStamp()
    {
        var now = _time.GetUtcNow();
        _lastStamp = now > _lastStamp ? now : _lastStamp.AddTicks(1);
        return _lastStamp;
    }

    private InMemoryTable Table(string table)
    {
        TableRules.CheckTableName(table);
        return _tables.TryGetValue(table, out var rows) ? rows
            : throw new StorageException(StorageErrorKind.NotFound, 404, "TableNotFound", $"The table {table} does not exist.");
    }
}
