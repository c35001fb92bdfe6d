using ContactSync.Engine.Ports;
using ContactSync.Engine.Tests;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Tests.SyncState;

namespace ContactSync.Hub.Tests.HubItems;

/// <summary>The engine's item-store contract against the hub's table store, in memory.</summary>
public class InMemoryHubContactStoreContractTests : ItemStoreContract
{
    protected override async Task<IItemStore> CreateStoreAsync() =>
        new TableHubContactStore(await TestTables.InMemoryAsync(), TestTables.NewTenant());

    protected override async Task<IItemStore> CreateReadOnlyStoreAsync() =>
        new TableHubContactStore(await TestTables.InMemoryAsync(), TestTables.NewTenant(), readOnly: true);
}

/// <summary>The same contract against Azurite: real ETags, entity-group transactions and range queries.</summary>
public class AzuriteHubContactStoreContractTests : ItemStoreContract
{
    protected override async Task<IItemStore> CreateStoreAsync() =>
        new TableHubContactStore(await TestTables.AzuriteAsync(), TestTables.NewTenant());

    protected override async Task<IItemStore> CreateReadOnlyStoreAsync() =>
        new TableHubContactStore(await TestTables.AzuriteAsync(), TestTables.NewTenant(), readOnly: true);
}
