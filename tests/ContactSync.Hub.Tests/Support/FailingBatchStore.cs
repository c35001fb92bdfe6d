using ContactSync.Storage;

namespace ContactSync.Hub.Tests.Support;

/// <summary>A table store whose n-th entity-group transaction fails as the service fails one (nothing of it written).</summary>
public sealed class FailingBatchStore(ITableStore inner, int failingBatch) : ITableStore
{
    private int _batches;

    public Task<IReadOnlyList<string?>> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken ct = default) =>
        Interlocked.Increment(ref _batches) == failingBatch
            ? throw new StorageException(StorageErrorKind.Other, 500, "InternalError", "The server encountered an internal error.") { OperationIndex = 0 }
            : inner.SubmitTransactionAsync(table, operations, ct);

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken ct = default) => inner.CreateTableIfNotExistsAsync(table, ct);
    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken ct = default) => inner.GetAsync(table, partitionKey, rowKey, ct);
    public Task<string> InsertAsync(string table, TableEntity entity, CancellationToken ct = default) => inner.InsertAsync(table, entity, ct);
    public Task<string> UpsertAsync(string table, TableEntity entity, WriteMode mode = WriteMode.Replace, CancellationToken ct = default) => inner.UpsertAsync(table, entity, mode, ct);
    public Task<string> UpdateAsync(string table, TableEntity entity, string ifMatch, WriteMode mode = WriteMode.Replace, CancellationToken ct = default) =>
        inner.UpdateAsync(table, entity, ifMatch, mode, ct);
    public Task DeleteAsync(string table, string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default) =>
        inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, ct);
    public Task<TablePage> QueryPageAsync(string table, TableQuery query, TableContinuation? continuation = null, CancellationToken ct = default) =>
        inner.QueryPageAsync(table, query, continuation, ct);
    public IAsyncEnumerable<TableEntity> QueryAsync(string table, TableQuery query, CancellationToken ct = default) => inner.QueryAsync(table, query, ct);
}
