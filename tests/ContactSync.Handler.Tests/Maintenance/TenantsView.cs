using ContactSync.Hub;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests.Maintenance;

/// <summary>The shared test storage with the tenants table narrowed to a test's own tenants, so a maintenance pass with
/// its clock moved ahead prunes those tenants only, never another suite's; and every query of another table that
/// names <paramref name="failing"/> fails as the service fails one (a 500), to show one tenant's failure stops no other.</summary>
public sealed class TenantsView(ITableStore inner, IReadOnlyList<string> tenantIds, string? failing = null)
    : NarrowedTables(inner, (table, query) => Narrow(table, query, tenantIds, failing))
{
    private static TableQuery Narrow(string table, TableQuery query, IReadOnlyList<string> tenantIds, string? failing)
    {
        if (table != HubTables.Tenants)
            return failing is not null && query.Filter?.Contains($"'{failing}", StringComparison.Ordinal) == true
                ? throw new StorageException(StorageErrorKind.Other, 500, "InternalError", "The server encountered an internal error.")
                : query;
        var ours = TableFilter.Or([.. tenantIds.Select(id => TableFilter.Eq("RowKey", id))]);
        return query with { Filter = query.Filter is { } f ? TableFilter.And(f, ours) : ours };
    }
}
