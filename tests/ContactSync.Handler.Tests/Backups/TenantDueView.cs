using ContactSync.Hub;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests.Backups;

/// <summary>The shared test storage with the due index narrowed to one tenant's entries, so a Scheduler a test runs
/// (with its clock moved to a due time) claims that tenant's entries only, never another suite's.</summary>
public sealed class TenantDueView(ITableStore inner, string tenantId) : NarrowedTables(inner, (table, query) => table == HubTables.Due
    ? query with { Filter = query.Filter is { } f ? TableFilter.And(f, Ours(tenantId)) : Ours(tenantId) }
    : query)
{
    private static string Ours(string tenantId) => TableFilter.StartsWith("RowKey", tenantId + "|");
}
