using ContactSync.Storage;

namespace ContactSync.Handler.Tests;

/// <summary>The shared test storage with every query passed through <paramref name="narrow"/> (table, query) first: a
/// test that moves a clock ahead then sees its own rows only, never another suite's on the same Azurite.</summary>
public class NarrowedTables(ITableStore inner, Func<string, TableQuery, TableQuery> narrow) : ITableStore
{
    public Task CreateTableIfNotExistsAsync(string table, CancellationToken ct = default) => inner.CreateTableIfNotExistsAsync(table, ct);
    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken ct = default) =>
        inner.GetAsync(table, partitionKey, rowKey, ct);
    public Task<string> InsertAsync(string table, TableEntity entity, CancellationToken ct = default) => inner.InsertAsync(table, entity, ct);
    public Task<string> UpsertAsync(string table, TableEntity entity, WriteMode mode = WriteMode.Replace, CancellationToken ct = default) =>
        inner.UpsertAsync(table, entity, mode, ct);
    public Task<string> UpdateAsync(string table, TableEntity entity, string ifMatch, WriteMode mode = WriteMode.Replace, CancellationToken ct = default) =>
        inner.UpdateAsync(table, entity, ifMatch, mode, ct);
    public Task DeleteAsync(string table, string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default) =>
        inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, ct);
    public Task<TablePage> QueryPageAsync(string table, TableQuery query, TableContinuation? continuation = null, CancellationToken ct = default) =>
        inner.QueryPageAsync(table, narrow(table, query), continuation, ct);
    public IAsyncEnumerable<TableEntity> QueryAsync(string table, TableQuery query, CancellationToken ct = default) =>
        inner.QueryAsync(table, narrow(table, query), ct);
    public Task<IReadOnlyList<string?>> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken ct = default) =>
        inner.SubmitTransactionAsync(table, operations, ct);
}
