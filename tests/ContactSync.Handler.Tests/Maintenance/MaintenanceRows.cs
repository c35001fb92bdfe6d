using ContactSync.Engine.Items;
using ContactSync.Hub;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests.Maintenance;

/// <summary>What the maintenance tests put in the stores and read back, written as the stores write it.</summary>
public static class MaintenanceRows
{
    public static async Task SaveTenantAsync(ITableStore tables, string tenantId) =>
        Assert.True((await new TenantStore(tables).SaveAsync(new ContactSync.Hub.Tenants.Tenant(tenantId, "Maintenance " + tenantId, "PL",
            "Europe/Warsaw", new GraphSettings(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), CredentialKind.ClientSecret,
                "MAINTENANCE_UNUSED_SECRET")))).IsOk);

    /// <summary>Two hub contacts: two change-feed rows.</summary>
    public static async Task AddContactsAsync(ITableStore tables, string tenantId)
    {
        var hub = new TableHubContactStore(tables, tenantId);
        await hub.PutAsync("c1", FieldMap.From([new("givenName", "Ann")]));
        await hub.PutAsync("c2", FieldMap.From([new("givenName", "Bo")]));
    }

    public static Task AddRunAsync(ITableStore tables, string tenantId, string targetId, string runId, DateTimeOffset startedAt,
        string section = "contacts") =>
        new RunStore(tables).AddAsync(tenantId, targetId, RunRecord.Fail(runId, section, startedAt, startedAt, "x"));

    public static async Task<int> CountAsync(ITableStore tables, string table, string filter)
    {
        var n = 0;
        await foreach (var _ in tables.QueryAsync(table, new TableQuery(filter, ["RowKey"]))) n++;
        return n;
    }

    public static Task<int> FeedRowsAsync(ITableStore tables, string tenantId) =>
        CountAsync(tables, HubTables.HubChanges, TableFilter.Partition(tenantId));

    public static async Task<int> ContactsAsync(ITableStore tables, string tenantId) =>
        (await new TableHubContactStore(tables, tenantId).ListChangesAsync(null)).Changed.Count;

    public static async Task<IReadOnlyList<string>> RunIdsAsync(ITableStore tables, string tenantId, string targetId) =>
        [.. (await new RunStore(tables).ListAsync(tenantId, targetId, 1000)).Select(r => r.RunId)];
}
