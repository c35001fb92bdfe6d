using ContactSync.Hub;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests.Maintenance;

/// <summary>The shared test storage with the tenants table narrowed to a test's own tenants, so a maintenance pass with
/// its clock moved ahead prunes those tenants only, never another suite's; and every query of another table that
/// names <paramref name="failing"/> fails as the service fails one (a 500), to show one tenant's failure stops no other.</summary>
public sealed class TenantsView(ITableStore inner, IReadOnlyList<string> tenantIds, string? failing = null) : ITableStore
{
    private TableQuery Narrow(string table, TableQuery query)
    {
        if (table != HubTables.Tenants)
            return failing is not null && query.Filter?.Contains($"'{failing}", StringComparison.Ordinal) == true
                ? throw new StorageException(StorageErrorKind.Other, 500, "InternalError", "The server encountered an internal error.")
                : query;
        var ours = TableFilter.Or([.. tenantIds.Select(id => TableFilter.Eq("RowKey", id))]);
        return query with { Filter = query.Filter is { } f ? TableFilter.And(f, ours) : ours };
    }

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
        inner.QueryPageAsync(table, Narrow(table, query), continuation, ct);
    public IAsyncEnumerable<TableEntity> QueryAsync(string table, TableQuery query, CancellationToken ct = default) =>
        inner.QueryAsync(table, Narrow(table, query), ct);
    public Task<IReadOnlyList<string?>> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken ct = default) =>
        inner.SubmitTransactionAsync(table, operations, ct);
}
