using System.Runtime.CompilerServices;
namespace ContactSync.Storage;

/// <summary>Passes everything to the inner store and counts the rows queries return (what the service bills and sends):
/// how tests and the scheduler benchmark show that a read costs what is due, not what is stored.</summary>
public sealed class CountingTableStore(ITableStore inner) : ITableStore
{
    private int _rowsRead;
    public int RowsRead => Volatile.Read(ref _rowsRead);

    public async Task<TablePage> QueryPageAsync(string table, TableQuery query, TableContinuation? continuation = null, CancellationToken ct = default)
    {
        var page = await inner.QueryPageAsync(table, query, continuation, ct);
        Interlocked.Add(ref _rowsRead, page.Entities.Count);
        return page;
    }

    public async IAsyncEnumerable<TableEntity> QueryAsync(string table, TableQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var e in inner.QueryAsync(table, query, ct))
        {
            Interlocked.Increment(ref _rowsRead);
            yield return e;
        }
    }

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken ct = default) => inner.CreateTableIfNotExistsAsync(table, ct);
    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken ct = default) => inner.GetAsync(table, partitionKey, rowKey, ct);
    public Task<string> InsertAsync(string table, TableEntity entity, CancellationToken ct = default) => inner.InsertAsync(table, entity, ct);
    public Task<string> UpsertAsync(string table, TableEntity entity, WriteMode mode = WriteMode.Replace, CancellationToken ct = default) => inner.UpsertAsync(table, entity, mode, ct);
    public Task<string> UpdateAsync(string table, TableEntity entity, string ifMatch, WriteMode mode = WriteMode.Replace, CancellationToken ct = default) =>
        inner.UpdateAsync(table, entity, ifMatch, mode, ct);
    public Task DeleteAsync(string table, string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default) =>
        inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, ct);
    public Task<IReadOnlyList<string?>> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken ct = default) =>
        inner.SubmitTransactionAsync(table, operations, ct);
}
